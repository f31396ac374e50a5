package org.zhenwu.gateway;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class RoutingTest extends GatewayTestSupport {

    @ParameterizedTest
    @CsvSource({
            "/api/documents/certificates, documents",
            "/api/service-hall/appointments, service-hall",
            "/api/hotline/tickets, hotline",
            "/api/congress/sessions, congress"})
    void each_api_prefix_reaches_its_service_with_the_path_unchanged(String prefix, String service) {
        String path = prefix + "/" + unique("id") + "/items";
        TestBackend backend = switch (service) {
            case "documents" -> documents;
            case "service-hall" -> serviceHall;
            case "hotline" -> hotline;
            default -> congress;
        };

        client.get().uri(path + "?page=2&size=10").header(HttpHeaders.AUTHORIZATION, bearer()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo(service);

        assertThat(backend.last(path).pathAndQuery()).isEqualTo(path + "?page=2&size=10");
    }

    @Test
    void proxied_request_carries_a_generated_correlation_id_that_comes_back_on_the_response() {
        String path = "/api/documents/" + unique("correlated");
        String bearer = bearer();

        String returned = client.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer).exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Correlation-Id");

        String seenByService = documents.last(path).headers().getFirst("X-Correlation-Id");
        assertThat(seenByService).isNotBlank().matches("[0-9a-f-]{36}");
        assertThat(returned).isEqualTo(seenByService);
        assertThat(documents.last(path).headers().getFirst("Authorization")).isEqualTo(bearer);
    }

    @Test
    void proxied_request_continues_the_callers_trace_towards_the_service() {
        String path = "/api/hotline/" + unique("traced");
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpan = "00f067aa0ba902b7";

        client.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer())
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .exchange()
                .expectStatus().isOk();

        String seenByService = hotline.last(path).headers().getFirst("traceparent");
        assertThat(seenByService).as("same trace, the gateway's own span as parent")
                .matches("00-" + traceId + "-[0-9a-f]{16}-01").doesNotContain(callerSpan);
    }

    @Test
    void proxied_request_without_a_trace_starts_one_for_the_service() {
        String path = "/api/service-hall/" + unique("untraced");

        client.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer()).exchange().expectStatus().isOk();

        assertThat(serviceHall.last(path).headers().getFirst("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    }

    @Test
    void client_correlation_id_is_passed_through() {
        String path = "/api/hotline/" + unique("tickets");

        client.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer())
                .header("X-Correlation-Id", "portal-4711.a_b")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Correlation-Id", "portal-4711.a_b");

        assertThat(hotline.last(path).headers().getFirst("X-Correlation-Id")).isEqualTo("portal-4711.a_b");
    }

    @Test
    void unsafe_correlation_id_is_replaced() {
        String path = "/api/hotline/" + unique("tickets");

        client.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer())
                .header("X-Correlation-Id", "<script>alert(1)</script>")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().value("X-Correlation-Id", id -> assertThat(id).matches("[0-9a-f-]{36}"));

        assertThat(hotline.last(path).headers().getFirst("X-Correlation-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void correlation_id_is_returned_on_gateway_own_errors_too() {
        client.get().uri("/api/documents/x").header("X-Correlation-Id", "trace-401").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("X-Correlation-Id", "trace-401")
                .expectBody().jsonPath("$.correlationId").isEqualTo("trace-401");
    }

    @Test
    void service_problem_4xx_reaches_the_client_unchanged() {
        client.post().uri("/api/documents/" + unique("conflict"))
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"resolution\":\"done\"}")
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).isEqualTo(TestBackend.CONFLICT_BODY);
    }

    @Test
    void request_body_is_forwarded() {
        String path = "/api/service-hall/" + unique("appointments");
        String json = "{\"slot\":\"2026-12-01T09:00\"}";

        client.post().uri(path).header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.method").isEqualTo("POST").jsonPath("$.bodyBytes").isEqualTo(json.length());
    }

    @Test
    void unknown_path_is_a_404_problem() {
        client.get().uri("/api/nowhere").header(HttpHeaders.AUTHORIZATION, bearer()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404).jsonPath("$.instance").isEqualTo("/api/nowhere");
    }

    @Test
    void every_request_gets_one_access_log_line_with_correlation_id_and_subject(CapturedOutput output) {
        String path = "/api/congress/" + unique("motions");
        String subject = unique("deputy");

        client.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.valid(subject))
                .header("X-Correlation-Id", "log-check-1")
                .exchange()
                .expectStatus().isOk();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
                .containsOnlyOnce("GET " + path + " 200 ")
                .contains("correlationId=log-check-1 subject=" + subject));
    }
}
