package org.zhenwu.gateway;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitTest extends GatewayTestSupport {

    /** Test profile: capacity 20, refilled at 1 per second. */
    private static final int CAPACITY = 20;

    @Test
    void client_over_its_limit_gets_429_problem_with_retry_after() {
        String bearer = "Bearer " + TestTokens.valid(unique("eager-clerk"));
        String path = "/api/documents/" + unique("burst");

        EntityExchangeResult<byte[]> refused = null;
        int passed = 0;
        for (int i = 0; i < CAPACITY + 5 && refused == null; i++) {
            EntityExchangeResult<byte[]> result = client.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer)
                    .exchange().expectBody().returnResult();
            if (result.getStatus().value() == 429) {
                refused = result;
            } else {
                assertThat(result.getStatus().value()).isEqualTo(200);
                passed++;
            }
        }

        assertThat(refused).as("a 429 within %d requests", CAPACITY + 5).isNotNull();
        assertThat(passed).isBetween(CAPACITY, CAPACITY + 2);
        assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Long.parseLong(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 2L);
        assertThat(new String(refused.getResponseBody()))
                .contains("\"status\":429", "\"title\":\"Too Many Requests\"", "\"instance\":\"" + path + "\"");
        assertThat(documents.hits(path)).isEqualTo(passed);
    }

    @Test
    void each_subject_has_its_own_bucket() {
        String greedy = "Bearer " + TestTokens.valid(unique("greedy"));
        for (int i = 0; i < CAPACITY + 2; i++) {
            client.get().uri("/api/documents/any").header(HttpHeaders.AUTHORIZATION, greedy).exchange();
        }
        client.get().uri("/api/documents/any").header(HttpHeaders.AUTHORIZATION, greedy).exchange()
                .expectStatus().isEqualTo(429);

        client.get().uri("/api/documents/any").header(HttpHeaders.AUTHORIZATION, bearer()).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-RateLimit-Remaining", String.valueOf(CAPACITY - 1));
    }
}
