package org.zhenwu.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How tokens are checked; the gateway checks them the same way.
 *
 * @param secret     HS256 shared secret (at least 32 bytes), from the environment ({@code ZHENWU_JWT_SECRET})
 * @param jwkSetUri  an identity provider's JWK set (RS256); takes precedence over the secret
 * @param issuer     required {@code iss}
 * @param audience   required in {@code aud}
 */
@ConfigurationProperties("zhenwu.security.jwt")
public record JwtProperties(String secret, String jwkSetUri, @DefaultValue("zhenwu") String issuer,
                            @DefaultValue("zhenwu") String audience) {
    /** Signs the local stack's dev tokens; refused outside the {@code dev} and {@code test} profiles. */
    public static final String DEV_SECRET = "zhenwu-dev-only-signing-key-never-use-in-production";
}
