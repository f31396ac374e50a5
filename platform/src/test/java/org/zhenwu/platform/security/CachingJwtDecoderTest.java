package org.zhenwu.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class CachingJwtDecoderTest {
    private Instant now = Instant.parse("2026-11-26T08:00:00Z");
    private final Instant expiry = now.plus(Duration.ofMinutes(10));
    private final AtomicInteger decoded = new AtomicInteger();

    /** Stands in for the Nimbus decoder: valid until {@code expiry} by the test's clock. */
    private final JwtDecoder verifier = token -> {
        decoded.incrementAndGet();
        if (token.startsWith("forged") || !now.isBefore(expiry)) {
            throw new JwtValidationException("refused", java.util.List.of(new org.springframework.security.oauth2.core.OAuth2Error("invalid_token")));
        }
        return Jwt.withTokenValue(token).header("alg", "HS256").subject(token).expiresAt(expiry).build();
    };

    private final CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, 2, new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void the_same_token_is_verified_once_while_it_is_valid() {
        assertThat(decoder.decode("agent-a").getSubject()).isEqualTo("agent-a");
        assertThat(decoder.decode("agent-a").getSubject()).isEqualTo("agent-a");
        assertThat(decoded).hasValue(1);
    }

    @Test
    void an_expired_token_is_checked_again_and_refused() {
        decoder.decode("agent-a");
        now = expiry.plusSeconds(1);
        assertThatThrownBy(() -> decoder.decode("agent-a")).isInstanceOf(JwtValidationException.class);
        assertThat(decoded).hasValue(2);
    }

    @Test
    void refused_tokens_are_never_remembered_and_the_cache_stays_bounded() {
        assertThatThrownBy(() -> decoder.decode("forged-1")).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> decoder.decode("forged-1")).isInstanceOf(JwtValidationException.class);
        decoder.decode("a");
        decoder.decode("b");
        decoder.decode("c"); // full at two: starts afresh
        decoder.decode("a");
        assertThat(decoded).hasValue(6);
    }
}
