package org.zhenwu.deploy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Dev-only HS256 JWTs, one per role, signed with the dev key that services accept only in the dev and test
 * profiles. Deliberately dependency-free: {@code javax.crypto.Mac} and URL-safe Base64 without padding.
 */
public final class DevTokens {

    /** The dev signing key; services and the gateway refuse it outside the dev/test profiles. */
    public static final String DEV_SECRET = "zhenwu-dev-only-signing-key-never-use-in-production";
    public static final String ISSUER = "zhenwu";
    public static final String AUDIENCE = "zhenwu";
    public static final Duration LIFETIME = Duration.ofHours(12);
    /** 乐从镇, the town every town-level dev user belongs to. */
    public static final String DEV_TOWN = "440606104";
    public static final String DISTRICT = "DISTRICT";

    /** A dev user: one per role. */
    public record DevUser(String role, String subject, String name, String jurisdiction, String department,
                          String clearance) { }

    public static final List<DevUser> USERS = List.of(
            new DevUser("DISTRICT_ADMIN", "dev-district-admin", "区管理员（开发）", DISTRICT, "区政务服务数据管理局", "TOP_SECRET"),
            new DevUser("TOWN_LEADER", "dev-town-leader", "镇领导（开发）", DEV_TOWN, "镇领导班子", "CONFIDENTIAL"),
            new DevUser("OFFICE_CLERK", "dev-office-clerk", "党政办文书（开发）", DEV_TOWN, "党政办", "SECRET"),
            new DevUser("HOTLINE_AGENT", "dev-hotline-agent", "热线坐席（开发）", DEV_TOWN, "12345热线", "NONE"),
            new DevUser("DEPARTMENT_HANDLER", "dev-department-handler", "城管办承办人（开发）", DEV_TOWN, "城市管理办", "NONE"),
            new DevUser("HALL_CLERK", "dev-hall-clerk", "窗口人员（开发）", DEV_TOWN, "行政服务中心", "NONE"),
            new DevUser("FLEET_MANAGER", "dev-fleet-manager", "车辆管理员（开发）", DEV_TOWN, "党政办", "NONE"),
            new DevUser("CONGRESS_STAFF", "dev-congress-staff", "人大办工作人员（开发）", DEV_TOWN, "人大办", "NONE"));

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

    private final byte[] key;

    public DevTokens(String secret) {
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    public static DevTokens withDevKey() {
        return new DevTokens(DEV_SECRET);
    }

    /** role → token, in {@link #USERS} order, all issued at {@code now}. */
    public Map<String, String> allRoles(Instant now) {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (DevUser user : USERS) {
            tokens.put(user.role(), forUser(user, now));
        }
        return tokens;
    }

    public String forRole(String role) {
        return USERS.stream().filter(u -> u.role().equals(role)).findFirst()
                .map(u -> forUser(u, Instant.now()))
                .orElseThrow(() -> new IllegalArgumentException("no dev user for role " + role));
    }

    /**
     * A token for another person with the role's dev user's town, department and clearance: several agents of one
     * hotline, say, who must not share a subject.
     */
    public String forRoleAs(String role, String subject, String name) {
        DevUser base = USERS.stream().filter(u -> u.role().equals(role)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no dev user for role " + role));
        return forUser(new DevUser(role, subject, name, base.jurisdiction(), base.department(), base.clearance()),
                Instant.now());
    }

    public String forUser(DevUser user, Instant now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("sub", user.subject());
        claims.put("name", user.name());
        claims.put("roles", List.of(user.role()));
        claims.put("jurisdiction", user.jurisdiction());
        claims.put("department", user.department());
        claims.put("clearance", user.clearance());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(LIFETIME).getEpochSecond());
        return sign(claims);
    }

    /** Signs any claims map whose values are strings, numbers, booleans or lists of those. */
    public String sign(Map<String, ?> claims) {
        String signingInput = encode(HEADER) + "." + encode(json(claims));
        return signingInput + "." + B64.encodeToString(hmac(signingInput));
    }

    /** True when the token is three parts and its HS256 signature matches this key (expiry not checked). */
    public boolean hasValidSignature(String token) {
        int last = token.lastIndexOf('.');
        if (last < 0 || token.indexOf('.') == last) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(token.substring(last + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, hmac(token.substring(0, last)));
    }

    /** The decoded payload JSON of a token. */
    public static String payloadJson(String token) {
        String[] parts = token.split("\\.");
        return new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    }

    private byte[] hmac(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String encode(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String json(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder sb = new StringBuilder("{");
            map.forEach((k, v) -> {
                if (sb.length() > 1) {
                    sb.append(',');
                }
                sb.append(json(k.toString())).append(':').append(json(v));
            });
            return sb.append('}').toString();
        }
        if (value instanceof Iterable<?> items) {
            StringBuilder sb = new StringBuilder("[");
            for (Object item : items) {
                if (sb.length() > 1) {
                    sb.append(',');
                }
                sb.append(json(item));
            }
            return sb.append(']').toString();
        }
        String s = value.toString();
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
