package org.zhenwu.hotline.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The clients allowed to POST requests, by {@code api_key}. Only a key's SHA-256 is stored; a key names its client
 * and either one town or all. The local stack's development key works only in the dev and test profiles.
 */
@Component
class Open311ApiKeys {
    static final String DEV_KEY = "zhenwu-dev-open311-key";
    private static final String DEV_KEY_HASH = sha256(DEV_KEY);

    private final JdbcClient jdbc;
    private final boolean devKeyAllowed;

    Open311ApiKeys(JdbcClient jdbc, Environment environment) {
        this.jdbc = jdbc;
        this.devKeyAllowed = environment.acceptsProfiles(Profiles.of("dev", "test"));
    }

    /** A client and the town its key is limited to (null: every town). */
    record Client(String name, String town) {
        void requireTown(String townCode) {
            if (town != null && !town.equals(townCode)) {
                throw Open311Exception.forbidden("api_key is not valid for jurisdiction_id " + townCode);
            }
        }
    }

    Client authenticate(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw Open311Exception.forbidden("api_key was not provided");
        }
        String hash = sha256(apiKey.strip());
        if (hash.equals(DEV_KEY_HASH) && !devKeyAllowed) {
            throw Open311Exception.forbidden("api_key is invalid: the development key is refused on this server");
        }
        return jdbc.sql("SELECT client_name, town_code FROM open311_api_key WHERE key_hash = ? AND active = TRUE")
                .param(hash).query((rs, i) -> new Client(rs.getString(1), rs.getString(2))).optional()
                .orElseThrow(() -> Open311Exception.forbidden("api_key is invalid"));
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
