package org.zhenwu.gateway.security;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.util.StringUtils;

/**
 * How the gateway verifies bearer tokens: HS256 with a shared {@code secret}, or RS256 through an IdP's
 * {@code jwkSetUri} when that is set. Issuer, audience and expiry are always checked.
 */
@ConfigurationProperties("zhenwu.security.jwt")
record JwtProperties(String secret,
                     @DefaultValue("zhenwu") String issuer,
                     @DefaultValue("zhenwu") String audience,
                     String jwkSetUri) {

    /** Published in application-dev.yml, so anyone can mint tokens with it. */
    static final String DEV_SECRET = "zhenwu-dev-only-signing-key-never-use-in-production";
    static final int MIN_SECRET_BYTES = 32;
    private static final List<String> PROFILES_ALLOWING_DEV_SECRET = List.of("dev", "test");

    boolean usesJwkSet() {
        return StringUtils.hasText(jwkSetUri);
    }

    /** Fails startup on a missing key, a short secret, or the public dev secret outside dev/test. */
    void verifyFor(Collection<String> activeProfiles) {
        boolean hasSecret = StringUtils.hasText(secret);
        if (!hasSecret && !usesJwkSet()) {
            throw new InsecureJwtSettings("No JWT verification key configured: set ZHENWU_JWT_SECRET "
                    + "(zhenwu.security.jwt.secret, HS256, at least " + MIN_SECRET_BYTES + " bytes) or "
                    + "zhenwu.security.jwt.jwk-set-uri (RS256 keys of the identity provider)");
        }
        if (DEV_SECRET.equals(secret) && activeProfiles.stream().noneMatch(PROFILES_ALLOWING_DEV_SECRET::contains)) {
            throw new InsecureJwtSettings("zhenwu.security.jwt.secret is the public development secret but "
                    + "neither the 'dev' nor the 'test' profile is active (active: " + activeProfiles + "). "
                    + "Set ZHENWU_JWT_SECRET to a private secret of at least " + MIN_SECRET_BYTES + " bytes.");
        }
        if (hasSecret && !usesJwkSet() && secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new InsecureJwtSettings("zhenwu.security.jwt.secret must be at least " + MIN_SECRET_BYTES
                    + " bytes (UTF-8) for HS256, but has " + secret.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    ReactiveJwtDecoder decoder() {
        NimbusReactiveJwtDecoder decoder = usesJwkSet()
                ? NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri).jwsAlgorithm(SignatureAlgorithm.RS256).build()
                : NimbusReactiveJwtDecoder
                        .withSecretKey(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
                        .macAlgorithm(MacAlgorithm.HS256)
                        .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtAudienceValidator(audience),
                // the timestamp validator accepts a token without exp; we do not
                new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull)));
        return decoder;
    }
}
