package org.zhenwu.gateway.security;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class JwtPropertiesTest {

    private static final String PRIVATE_SECRET = "a-private-secret-of-more-than-32-bytes";

    @Test
    void dev_secret_is_refused_outside_dev_and_test_profiles() {
        var jwt = new JwtProperties(JwtProperties.DEV_SECRET, "zhenwu", "zhenwu", null);

        assertThatIllegalStateException().isThrownBy(() -> jwt.verifyFor(List.of()))
                .withMessageContaining("public development secret")
                .withMessageContaining("ZHENWU_JWT_SECRET");
        assertThatIllegalStateException().isThrownBy(() -> jwt.verifyFor(List.of("prod")));
    }

    @Test
    void dev_secret_is_accepted_in_dev_or_test_profile() {
        var jwt = new JwtProperties(JwtProperties.DEV_SECRET, "zhenwu", "zhenwu", null);

        assertThatCode(() -> jwt.verifyFor(List.of("dev"))).doesNotThrowAnyException();
        assertThatCode(() -> jwt.verifyFor(List.of("test"))).doesNotThrowAnyException();
    }

    @Test
    void missing_secret_and_jwk_set_fails_clearly() {
        var blank = new JwtProperties("", "zhenwu", "zhenwu", "");

        assertThatIllegalStateException().isThrownBy(() -> blank.verifyFor(List.of()))
                .withMessageContaining("No JWT verification key configured");
    }

    @Test
    void secret_shorter_than_32_bytes_is_refused() {
        var jwt = new JwtProperties("too-short-secret", "zhenwu", "zhenwu", null);

        assertThatIllegalStateException().isThrownBy(() -> jwt.verifyFor(List.of()))
                .withMessageContaining("at least 32 bytes");
    }

    @Test
    void private_secret_or_jwk_set_uri_is_enough() {
        assertThatCode(() -> new JwtProperties(PRIVATE_SECRET, "zhenwu", "zhenwu", null).verifyFor(List.of()))
                .doesNotThrowAnyException();
        var idp = new JwtProperties(null, "zhenwu", "zhenwu", "https://idp.example/jwks");
        assertThatCode(() -> idp.verifyFor(List.of())).doesNotThrowAnyException();
        assertThat(idp.usesJwkSet()).isTrue();
        assertThat(idp.decoder()).isNotNull();
    }

    @Test
    void refused_settings_are_reported_with_what_to_do() {
        var failure = new InsecureJwtSettings("zhenwu.security.jwt.secret is the public development secret");

        var analysis = new InsecureJwtSettingsFailureAnalyzer()
                .analyze(new IllegalStateException("context refresh failed", failure));

        assertThat(analysis.getDescription()).isEqualTo(failure.getMessage());
        assertThat(analysis.getAction()).contains("ZHENWU_JWT_SECRET", "--spring.profiles.active=dev");
    }
}
