package org.zhenwu.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/** Mints the portal's tokens (HS256, Zhenwu claims) the way the IdP would, valid or broken on purpose. */
final class TestTokens {

    /** Same value as zhenwu.security.jwt.secret in application-test.yml. */
    static final String SECRET = "test-secret-for-the-gateway-suite-0123456789";

    private TestTokens() {
    }

    static String valid(String subject) {
        return sign(claims(subject).build(), SECRET);
    }

    static String expired(String subject) {
        Instant twoHoursAgo = Instant.now().minus(Duration.ofHours(2));
        return sign(claims(subject).issueTime(Date.from(twoHoursAgo))
                .expirationTime(Date.from(twoHoursAgo.plus(Duration.ofMinutes(30)))).build(), SECRET);
    }

    static String signedWith(String subject, String otherSecret) {
        return sign(claims(subject).build(), otherSecret);
    }

    static String forAudience(String subject, String audience) {
        return sign(claims(subject).audience(audience).build(), SECRET);
    }

    static String fromIssuer(String subject, String issuer) {
        return sign(claims(subject).issuer(issuer).build(), SECRET);
    }

    static String withoutExpiry(String subject) {
        return sign(claims(subject).expirationTime(null).build(), SECRET);
    }

    /** {@code alg: none}: header and claims, no signature. */
    static String unsigned(String subject) {
        return new PlainJWT(claims(subject).build()).serialize();
    }

    private static JWTClaimsSet.Builder claims(String subject) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer("zhenwu")
                .audience("zhenwu")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .claim("name", "Li Wei")
                .claim("roles", List.of("CLERK"))
                .claim("jurisdiction", "DISTRICT")
                .claim("department", "civil-affairs")
                .claim("clearance", "INTERNAL");
    }

    private static String sign(JWTClaimsSet claims, String secret) {
        try {
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                    claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
