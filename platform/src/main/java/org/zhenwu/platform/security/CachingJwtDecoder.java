package org.zhenwu.platform.security;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens it has already verified until they expire: an agent's console sends the same token with
 * every request, and parsing plus signature and claim checks cost more than the rest of a small request.
 * The key is the whole token (signature included), so only a byte-identical token hits; an expired entry is
 * decoded again (and refused). Bounded: when full, it starts afresh.
 */
final class CachingJwtDecoder implements JwtDecoder {
    private final JwtDecoder delegate;
    private final int maxEntries;
    private final Clock clock;
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    CachingJwtDecoder(JwtDecoder delegate, int maxEntries, Clock clock) {
        this.delegate = delegate;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt cached = verified.get(token);
        Instant now = clock.instant();
        if (cached != null && cached.getExpiresAt() != null && cached.getExpiresAt().isAfter(now)) {
            return cached;
        }
        Jwt jwt = delegate.decode(token);
        if (jwt.getExpiresAt() != null) {
            if (verified.size() >= maxEntries) {
                verified.clear();
            }
            verified.put(token, jwt);
        }
        return jwt;
    }
}
