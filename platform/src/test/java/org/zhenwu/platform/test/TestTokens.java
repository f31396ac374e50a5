package org.zhenwu.platform.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Signs test tokens the way the local stack's dev tokens are signed. */
public final class TestTokens {
    /** The dev/test key (services accept it only in the dev and test profiles). */
    public static final String SECRET = "zhenwu-dev-only-signing-key-never-use-in-production";

    private TestTokens() {
    }

    /** A token with every claim a service reads. */
    public static String tokenWith(String subject, String jurisdiction, String department, String clearance, String... roles) {
        return sign(SECRET, new JWTClaimsSet.Builder().subject(subject).claim("name", subject)
                .issuer("zhenwu").audience("zhenwu").issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1))))
                .claim("roles", List.of(roles)).claim("jurisdiction", jurisdiction)
                .claim("department", department).claim("clearance", clearance).build());
    }

    public static String token(String subject, String jurisdiction, String... roles) {
        return tokenWith(subject, jurisdiction, null, "NONE", roles);
    }

    public static String sign(String secret, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
