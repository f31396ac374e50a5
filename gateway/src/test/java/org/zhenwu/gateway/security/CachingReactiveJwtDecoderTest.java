package org.zhenwu.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A verified token is verified once until it expires; a refused one is checked every time. */
class CachingReactiveJwtDecoderTest {

    private static final Instant NOW = Instant.parse("2026-11-27T01:00:00Z");

    /** Stands in for the signature and claim checks: records calls, refuses "bad…" tokens, else valid for 1 h. */
    private final List<String> checked = new ArrayList<>();
    private final ReactiveJwtDecoder checks = token -> {
        checked.add(token);
        if (token.startsWith("bad")) {
            return Mono.error(new BadJwtException("signature does not match"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "HS256").subject("agent-" + token)
                .issuedAt(NOW).expiresAt(NOW.plus(Duration.ofHours(1))).build());
    };

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void the_same_token_is_checked_once_and_another_token_is_checked_on_its_own() {
        var decoder = new CachingReactiveJwtDecoder(checks, 100, at(NOW));

        assertThat(decoder.decode("t1").block().getSubject()).isEqualTo("agent-t1");
        assertThat(decoder.decode("t1").block().getSubject()).isEqualTo("agent-t1");
        assertThat(decoder.decode("t2").block().getSubject()).isEqualTo("agent-t2");

        assertThat(checked).containsExactly("t1", "t2");
    }

    @Test
    void an_expired_entry_is_not_served_from_the_cache() {
        Instant[] now = {NOW};
        Clock moving = new Clock() {
            public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            public Clock withZone(java.time.ZoneId zone) { return this; }
            public Instant instant() { return now[0]; }
        };
        var decoder = new CachingReactiveJwtDecoder(checks, 100, moving);
        decoder.decode("t1").block();
        now[0] = NOW.plus(Duration.ofMinutes(61));

        decoder.decode("t1").block();

        assertThat(checked).containsExactly("t1", "t1");
    }

    @Test
    void a_refused_token_is_never_remembered() {
        var decoder = new CachingReactiveJwtDecoder(checks, 100, at(NOW));

        assertThatThrownBy(() -> decoder.decode("bad1").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("bad1").block()).isInstanceOf(BadJwtException.class);

        assertThat(checked).containsExactly("bad1", "bad1");
    }
}
