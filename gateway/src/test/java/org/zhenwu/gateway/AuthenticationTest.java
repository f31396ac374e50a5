package org.zhenwu.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationTest extends GatewayTestSupport {

    @Test
    void request_without_token_is_refused_with_401_problem_json_and_a_bearer_challenge() {
        String path = "/api/documents/" + unique("no-token");

        client.get().uri(path).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://zhenwu.org/problems/gateway/unauthorized")
                .jsonPath("$.title").isEqualTo("Unauthorized")
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.detail").isEqualTo("A bearer token is required")
                .jsonPath("$.instance").isEqualTo(path);

        assertThat(documents.hits(path)).isZero();
    }

    @Test
    void expired_token_is_refused() {
        assertRejected(TestTokens.expired("expired-user"), "expired");
    }

    @Test
    void token_signed_with_another_key_is_refused() {
        // Spring Security does not tell which check failed here; the token is otherwise valid
        assertRejected(TestTokens.signedWith("forger", "another-secret-that-is-also-32-bytes-long!"), null);
    }

    @Test
    void token_for_another_audience_is_refused() {
        assertRejected(TestTokens.forAudience("outsider", "some-other-system"), "aud");
    }

    @Test
    void token_from_another_issuer_is_refused() {
        assertRejected(TestTokens.fromIssuer("outsider", "https://evil.example"), "iss");
    }

    @Test
    void unsigned_alg_none_token_is_refused() {
        assertRejected(TestTokens.unsigned("admin"), null);
    }

    @Test
    void token_without_expiry_is_refused() {
        assertRejected(TestTokens.withoutExpiry("forever"), "exp");
    }

    @Test
    void malformed_token_is_refused() {
        assertRejected("not-a-jwt", null);
    }

    @Test
    void valid_token_passes() {
        String path = "/api/documents/" + unique("valid");

        client.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer()).exchange()
                .expectStatus().isOk();

        assertThat(documents.hits(path)).isEqualTo(1);
    }

    @Test
    void service_health_is_reachable_without_a_token() {
        client.get().uri("/services/hotline/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.service").isEqualTo("hotline");

        assertThat(hotline.last("/actuator/health")).isNotNull();
    }

    @Test
    void service_api_docs_are_reachable_without_a_token() {
        client.get().uri("/services/congress/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.info.title").isEqualTo("congress");
    }

    @Test
    void open311_is_forwarded_to_the_hotline_without_a_token() {
        String path = "/open311/v2/" + unique("requests") + ".json";

        client.get().uri(path + "?api_key=k").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("hotline");

        assertThat(hotline.hits(path)).isEqualTo(1);
    }

    @Test
    void gateway_health_probes_and_prometheus_are_public() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        client.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("jvm_memory_used_bytes", "resilience4j_circuitbreaker_state{")
                        .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"documents\""));
    }

    @Test
    void other_actuator_endpoints_are_not_public() {
        client.get().uri("/actuator/gateway/routes").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void swagger_ui_lists_every_service_api_through_the_gateway() {
        client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
        client.get().uri("/v3/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(config -> assertThat(config).contains(
                        "/services/documents/v3/api-docs", "/services/service-hall/v3/api-docs",
                        "/services/hotline/v3/api-docs", "/services/fleet/v3/api-docs",
                        "/services/congress/v3/api-docs"));
    }

    private void assertRejected(String token, String descriptionFragment) {
        String path = "/api/documents/" + unique("rejected");

        WebTestClient.BodyContentSpec body = client.get().uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE,
                        challenge -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""))
                .expectBody()
                .jsonPath("$.status").isEqualTo(401)
                .jsonPath("$.title").isEqualTo("Unauthorized")
                .jsonPath("$.instance").isEqualTo(path);
        if (descriptionFragment != null) {
            body.jsonPath("$.detail").value(String.class,
                    detail -> assertThat(detail).containsIgnoringCase(descriptionFragment));
        }
        assertThat(documents.hits(path)).isZero();
    }
}
