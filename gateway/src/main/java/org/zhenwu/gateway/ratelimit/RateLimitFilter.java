package org.zhenwu.gateway.ratelimit;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.zhenwu.gateway.platform.ExchangeAttributes;
import org.zhenwu.gateway.platform.Problems;

/**
 * Per-client token bucket, in memory (no Redis): the key is the JWT subject once authenticated, else the client
 * IP. Ordered after Spring Security (-100) so the subject is known; actuator endpoints are not limited.
 */
@Component
class RateLimitFilter implements WebFilter, org.springframework.core.Ordered {

    static final String REMAINING_HEADER = "X-RateLimit-Remaining";

    private final RateLimitProperties limits;
    private final Problems problems;
    /** maximumSize only: evicting a client's bucket just hands it a full one later. */
    private final Cache<String, Bucket> buckets;

    RateLimitFilter(RateLimitProperties limits, Problems problems) {
        this.limits = limits;
        this.problems = problems;
        this.buckets = Caffeine.newBuilder().maximumSize(limits.maxClients()).build();
    }

    @Override
    public int getOrder() {
        return 0;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().value().startsWith("/actuator/")) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(Authentication::getName)
                .doOnNext(subject -> exchange.getAttributes().put(ExchangeAttributes.SUBJECT, subject))
                .map(subject -> "sub:" + subject)
                .switchIfEmpty(Mono.fromSupplier(() -> "ip:" + clientIp(exchange)))
                .flatMap(key -> {
                    ConsumptionProbe probe = bucketFor(key).tryConsumeAndReturnRemaining(1);
                    if (probe.isConsumed()) {
                        exchange.getResponse().getHeaders()
                                .set(REMAINING_HEADER, Long.toString(probe.getRemainingTokens()));
                        return chain.filter(exchange);
                    }
                    return tooManyRequests(exchange, probe);
                });
    }

    private Bucket bucketFor(String key) {
        return buckets.get(key, ignored -> Bucket.builder()
                .addLimit(limit -> limit.capacity(limits.capacity())
                        .refillGreedy(limits.refillPerSecond(), Duration.ofSeconds(1)))
                .build());
    }

    private Mono<Void> tooManyRequests(ServerWebExchange exchange, ConsumptionProbe probe) {
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + TimeUnit.SECONDS.toNanos(1) - 1)
                / TimeUnit.SECONDS.toNanos(1));
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        exchange.getResponse().getHeaders().set(REMAINING_HEADER, "0");
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too Many Requests",
                "Rate limit of " + limits.capacity() + " requests (refilled at " + limits.refillPerSecond()
                        + "/s) exceeded; retry after " + seconds + " s",
                Map.of("retryAfterSeconds", seconds));
    }

    /** The socket peer; behind a trusted proxy set server.forward-headers-strategy=framework to use X-Forwarded-For. */
    private static String clientIp(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
