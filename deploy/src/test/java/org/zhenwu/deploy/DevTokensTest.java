package org.zhenwu.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.Test;

class DevTokensTest {

    private final DevTokens tokens = DevTokens.withDevKey();

    @Test
    void a_token_round_trips_through_our_own_signature_check() {
        String token = tokens.forRole("HOTLINE_AGENT");

        assertThat(token.split("\\.")).hasSize(3);
        assertThat(token).doesNotContain("=", "+", "/");
        assertThat(tokens.hasValidSignature(token)).isTrue();
    }

    @Test
    void a_tampered_payload_or_another_key_breaks_the_signature() {
        String token = tokens.forRole("HOTLINE_AGENT");
        String[] parts = token.split("\\.");
        String otherPayload = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(DevTokens.payloadJson(token).replace("HOTLINE_AGENT", "DISTRICT_ADMIN").getBytes(StandardCharsets.UTF_8));

        assertThat(tokens.hasValidSignature(parts[0] + "." + otherPayload + "." + parts[2])).isFalse();
        assertThat(new DevTokens("another-key-of-sufficient-length-for-hs256!!").hasValidSignature(token)).isFalse();
        assertThat(tokens.hasValidSignature("not-a-jwt")).isFalse();
    }

    @Test
    void an_independent_jwt_library_accepts_every_role_token_with_the_claims_services_read() throws Exception {
        Instant now = Instant.now();
        Map<String, String> all = tokens.allRoles(now);
        assertThat(all.keySet()).containsExactly("DISTRICT_ADMIN", "TOWN_LEADER", "OFFICE_CLERK", "HOTLINE_AGENT",
                "DEPARTMENT_HANDLER", "HALL_CLERK", "FLEET_MANAGER", "CONGRESS_STAFF");
        var consumer = new JwtConsumerBuilder()
                .setVerificationKey(new HmacKey(DevTokens.DEV_SECRET.getBytes(StandardCharsets.UTF_8)))
                .setExpectedIssuer("zhenwu")
                .setExpectedAudience("zhenwu")
                .setRequireExpirationTime()
                .setRequireSubject()
                .build();

        for (var entry : all.entrySet()) {
            JwtClaims claims = consumer.processToClaims(entry.getValue());
            assertThat(claims.getStringListClaimValue("roles")).isEqualTo(List.of(entry.getKey()));
            assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(12 * 3600);
            assertThat(claims.getStringClaimValue("clearance")).isIn("NONE", "SECRET", "CONFIDENTIAL", "TOP_SECRET");
            assertThat(claims.getStringClaimValue("name")).isNotBlank();
        }
        JwtClaims admin = consumer.processToClaims(all.get("DISTRICT_ADMIN"));
        assertThat(admin.getStringClaimValue("jurisdiction")).isEqualTo("DISTRICT");
        assertThat(admin.getStringClaimValue("clearance")).isEqualTo("TOP_SECRET");
        JwtClaims clerk = consumer.processToClaims(all.get("OFFICE_CLERK"));
        assertThat(clerk.getStringClaimValue("jurisdiction")).isEqualTo("440606104");
        assertThat(clerk.getStringClaimValue("department")).isEqualTo("党政办");
        assertThat(clerk.getStringClaimValue("clearance")).isEqualTo("SECRET");
        assertThat(consumer.processToClaims(all.get("TOWN_LEADER")).getStringClaimValue("clearance")).isEqualTo("CONFIDENTIAL");
        assertThat(consumer.processToClaims(all.get("HOTLINE_AGENT")).getStringClaimValue("department")).isEqualTo("12345热线");
        assertThat(consumer.processToClaims(all.get("DEPARTMENT_HANDLER")).getStringClaimValue("department")).isEqualTo("城市管理办");
        assertThat(consumer.processToClaims(all.get("HALL_CLERK")).getStringClaimValue("department")).isEqualTo("行政服务中心");
    }

    @Test
    void a_token_for_another_person_of_a_role_keeps_the_roles_town_and_department() {
        String token = DevTokens.withDevKey().forRoleAs("HOTLINE_AGENT", "agent-7", "坐席7");

        assertThat(DevTokens.withDevKey().hasValidSignature(token)).isTrue();
        assertThat(DevTokens.payloadJson(token)).contains("\"sub\":\"agent-7\"", "\"name\":\"坐席7\"",
                "\"roles\":[\"HOTLINE_AGENT\"]", "\"jurisdiction\":\"440606104\"", "\"department\":\"12345热线\"");
    }

    @Test
    void json_strings_are_escaped() {
        assertThat(DevTokens.json(Map.of("k", "a\"b\\c\n"))).isEqualTo("{\"k\":\"a\\\"b\\\\c\\n\"}");
        assertThat(DevTokens.json(List.of("x", 1, true))).isEqualTo("[\"x\",1,true]");
    }
}
