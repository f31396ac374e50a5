package org.zhenwu.gateway.security;

import java.time.Clock;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Remembers tokens already verified until they expire, as each service's decoder does: an agent's console sends the
 * same token with every request, and parsing it and checking its signature and claims is the largest part of what
 * the gateway itself does for a small request (docs/benchmarks/gateway.md). Only a byte-identical token hits (the
 * key is the whole token, signature included); an expired entry is decoded again, and refused. A token that fails
 * is never remembered. Bounded: the least recently used tokens are dropped first.
 */
final class CachingReactiveJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    CachingReactiveJwtDecoder(ReactiveJwtDecoder delegate, long maxEntries, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(maxEntries).build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt cached = verified.getIfPresent(token);
        if (cached != null && cached.getExpiresAt() != null && cached.getExpiresAt().isAfter(clock.instant())) {
            return Mono.just(cached);
        }
        return delegate.decode(token).doOnNext(jwt -> {
            if (jwt.getExpiresAt() != null) {
                verified.put(token, jwt);
            }
        });
    }
}
