package org.zhenwu.gateway;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class ResilienceTest extends GatewayTestSupport {

    @Autowired
    CircuitBreakerRegistry circuitBreakers;

    @BeforeEach
    @AfterEach
    void closeAllCircuits() {
        circuitBreakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @Test
    void service_that_is_down_answers_503_problem_naming_the_service(CapturedOutput output) {
        client.get().uri("/api/fleet/vehicles").header(HttpHeaders.AUTHORIZATION, bearer())
                .header("X-Correlation-Id", "fleet-down-1")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("X-Correlation-Id", "fleet-down-1")
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://zhenwu.org/problems/gateway/service-unavailable")
                .jsonPath("$.title").isEqualTo("Service Unavailable")
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.detail").isEqualTo("fleet-service is unavailable; try again shortly")
                .jsonPath("$.instance").isEqualTo("/api/fleet/vehicles")
                .jsonPath("$.service").isEqualTo("fleet-service");

        // the gateway's own log lines carry the correlation id through the MDC
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
                // [correlation id, trace id, span id] of the request
                .containsPattern("\\[fleet-down-1,[0-9a-f]{32},[0-9a-f]{16}\\] .*fleet-service unavailable"));
    }

    @Test
    void health_of_a_service_that_is_down_is_a_503_problem() {
        client.get().uri("/services/fleet/health").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.detail").isEqualTo("fleet-service is unavailable; try again shortly");
    }

    @Test
    void slow_service_answers_503_once_the_time_limit_passes() {
        long started = System.nanoTime();

        client.get().uri("/api/service-hall/" + unique("slow")).header(HttpHeaders.AUTHORIZATION, bearer())
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.detail").isEqualTo("service-hall-service is unavailable; try again shortly");

        // test profile: 1 s time limit; the service would take 2.5 s
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_300));
    }

    @Test
    void a_change_left_without_an_answer_says_it_may_have_been_carried_out() {
        client.post().uri("/api/service-hall/" + unique("slow")).header(HttpHeaders.AUTHORIZATION, bearer())
                .header("Idempotency-Key", "k-" + unique("slow"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.detail").isEqualTo("service-hall-service is unavailable; try again shortly; "
                        + "the request may have been carried out: send it again with the same Idempotency-Key to get "
                        + "its answer, or look before repeating it");

        // a service that refuses the connection never got the request: nothing to look for
        expectUnavailable(client.post().uri("/api/fleet/trips").header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange(), "fleet-service");
    }

    @Test
    void enough_failures_open_the_circuit_and_then_the_service_is_not_called() {
        int before = congress.hits();
        String path = "/api/congress/" + unique("always-500");

        // test profile: the congress circuit opens after 4 calls with at least 50 % failures
        for (int i = 0; i < 4; i++) {
            expectUnavailable(client.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer()).exchange(),
                    "congress-service");
        }
        assertThat(circuitBreakers.circuitBreaker("congress").getState()).isEqualTo(CircuitBreaker.State.OPEN);
        for (int i = 0; i < 3; i++) {
            expectUnavailable(client.get().uri("/api/congress/sessions").header(HttpHeaders.AUTHORIZATION, bearer())
                    .exchange(), "congress-service");
        }

        assertThat(congress.hits() - before).isEqualTo(4);
    }

    @Test
    void a_dead_service_opens_its_circuit_and_the_circuit_closes_again_once_it_is_back() {
        CircuitBreaker fleet = circuitBreakers.circuitBreaker("fleet");
        // test profile: fleet's circuit opens after 4 calls with at least 50 % failures and half-opens after 2 s
        for (int i = 0; i < 4; i++) {
            expectUnavailable(client.get().uri("/api/fleet/vehicles").header(HttpHeaders.AUTHORIZATION, bearer())
                    .exchange(), "fleet-service");
        }
        assertThat(fleet.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        TestBackend revived = TestBackend.start("fleet", fleetPort);
        try {
            // open: the gateway answers for the service without calling it, although it is back
            expectUnavailable(client.get().uri("/api/fleet/vehicles").header(HttpHeaders.AUTHORIZATION, bearer())
                    .exchange(), "fleet-service");
            assertThat(revived.hits()).isZero();

            await().atMost(Duration.ofSeconds(10)).until(() -> fleet.getState() == CircuitBreaker.State.HALF_OPEN);
            for (int i = 0; i < 2; i++) {   // the trial calls of the half-open circuit reach the service and succeed
                client.get().uri("/api/fleet/vehicles").header(HttpHeaders.AUTHORIZATION, bearer()).exchange()
                        .expectStatus().isOk()
                        .expectBody().jsonPath("$.service").isEqualTo("fleet");
            }
            assertThat(fleet.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
            client.get().uri("/api/fleet/vehicles").header(HttpHeaders.AUTHORIZATION, bearer()).exchange()
                    .expectStatus().isOk();
            assertThat(revived.hits()).isEqualTo(3);
        } finally {
            revived.stop();   // down again for the other tests
        }
    }

    @Test
    void get_is_retried_after_a_503_and_succeeds() {
        String path = "/api/hotline/" + unique("once-503");

        client.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("hotline");

        assertThat(hotline.hits(path)).isEqualTo(2);
    }

    @Test
    void get_gives_up_after_two_retries() {
        String path = "/api/hotline/" + unique("always-503");

        expectUnavailable(client.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer()).exchange(),
                "hotline-service");

        assertThat(hotline.hits(path)).isEqualTo(3);
    }

    @Test
    void post_is_never_retried() {
        String path = "/api/hotline/" + unique("once-503");

        expectUnavailable(client.post().uri(path).header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"summary\":\"streetlight out\"}")
                .exchange(), "hotline-service");

        assertThat(hotline.hits(path)).isEqualTo(1);
    }

    @Test
    void patch_is_never_retried() {
        String path = "/api/hotline/" + unique("always-503");

        expectUnavailable(client.patch().uri(path).header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange(), "hotline-service");

        assertThat(hotline.hits(path)).isEqualTo(1);
    }

    @Test
    void server_error_500_is_not_retried_but_answered_as_unavailable() {
        String path = "/api/hotline/" + unique("always-500");

        expectUnavailable(client.get().uri(path).header(HttpHeaders.AUTHORIZATION, bearer()).exchange(),
                "hotline-service");

        assertThat(hotline.hits(path)).isEqualTo(1);
    }

    @Test
    void client_errors_do_not_count_against_the_circuit() {
        for (int i = 0; i < 6; i++) {
            client.get().uri("/api/congress/" + unique("conflict")).header(HttpHeaders.AUTHORIZATION, bearer())
                    .exchange()
                    .expectStatus().isEqualTo(409);
        }

        assertThat(circuitBreakers.circuitBreaker("congress").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(circuitBreakers.circuitBreaker("congress").getMetrics().getNumberOfFailedCalls()).isZero();
    }

    private static void expectUnavailable(WebTestClient.ResponseSpec response, String service) {
        response.expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.detail").isEqualTo(service + " is unavailable; try again shortly");
    }
}
