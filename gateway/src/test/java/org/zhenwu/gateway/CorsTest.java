package org.zhenwu.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/** Test profile: the only portal origin is http://portal.test. */
class CorsTest extends GatewayTestSupport {

    @Test
    void preflight_from_the_portal_is_allowed_without_a_token() {
        client.options().uri("/api/hotline/tickets")
                .header(HttpHeaders.ORIGIN, "http://portal.test")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PATCH")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization, content-type, x-correlation-id, idempotency-key")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://portal.test")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
                        methods -> assertThat(methods).contains("PATCH"))
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                        headers -> assertThat(headers.toLowerCase())
                                .contains("authorization", "content-type", "x-correlation-id", "idempotency-key"));
    }

    @Test
    void preflight_from_a_foreign_origin_is_refused() {
        client.options().uri("/api/hotline/tickets")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void portal_can_read_correlation_id_retry_after_and_whether_an_answer_was_replayed() {
        client.get().uri("/api/hotline/" + unique("tickets"))
                .header(HttpHeaders.ORIGIN, "http://portal.test")
                .header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://portal.test")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                        exposed -> assertThat(exposed).contains("X-Correlation-Id", "Retry-After", "Location",
                                "Idempotent-Replayed"));
    }
}
