package org.zhenwu.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.zhenwu.platform.test.TestTokens;

import com.nimbusds.jwt.JWTClaimsSet;

/** The development key is no key outside the dev and test profiles. */
class JwtKeyPolicyTest {
    static final String OWN_SECRET = "this-deployments-own-secret-of-at-least-32-bytes";

    private static JwtDecoder decoder(String secret, String... profiles) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        return new SecurityConfiguration().jwtDecoder(new JwtProperties(secret, null, "zhenwu", "zhenwu"), environment,
                Clock.systemUTC());
    }

    private static String signedWith(String secret) {
        return TestTokens.sign(secret, new JWTClaimsSet.Builder().subject("x").issuer("zhenwu").audience("zhenwu")
                .expirationTime(new Date(System.currentTimeMillis() + 60_000)).claim("roles", List.of("DISTRICT_ADMIN"))
                .build());
    }

    @Test
    void a_service_outside_dev_and_test_refuses_to_start_with_the_dev_key() {
        assertThatThrownBy(() -> decoder(JwtProperties.DEV_SECRET)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("development token key");
        assertThatThrownBy(() -> decoder(JwtProperties.DEV_SECRET, "prod")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_deployment_with_its_own_key_refuses_dev_signed_tokens_even_with_the_test_profile() {
        JwtDecoder own = decoder(OWN_SECRET, "test");
        assertThat(own.decode(signedWith(OWN_SECRET)).getSubject()).isEqualTo("x");
        assertThatThrownBy(() -> own.decode(signedWith(JwtProperties.DEV_SECRET))).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder(OWN_SECRET).decode(signedWith(JwtProperties.DEV_SECRET)))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void short_or_missing_keys_are_refused_at_start() {
        assertThatThrownBy(() -> decoder("too-short")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> decoder(null)).isInstanceOf(IllegalStateException.class);
    }
}
