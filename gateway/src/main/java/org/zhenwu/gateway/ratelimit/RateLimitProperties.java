package org.zhenwu.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token bucket per client: {@code capacity} requests in a burst, refilled at {@code refillPerSecond}.
 * {@code maxClients} bounds the in-memory bucket map.
 */
@ConfigurationProperties("zhenwu.gateway.rate-limit")
record RateLimitProperties(@DefaultValue("200") long capacity,
                           @DefaultValue("100") long refillPerSecond,
                           @DefaultValue("100000") long maxClients) {

    RateLimitProperties {
        if (capacity < 1 || refillPerSecond < 1 || maxClients < 1) {
            throw new IllegalArgumentException("zhenwu.gateway.rate-limit.* must all be positive");
        }
    }
}
