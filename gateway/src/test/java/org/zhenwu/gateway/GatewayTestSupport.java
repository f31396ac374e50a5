package org.zhenwu.gateway;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One gateway on a random port in front of four real backends; fleet points at a port nobody listens on, so
 * it is the service that is down. Every test class extends this, so they all share one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
abstract class GatewayTestSupport {

    static final TestBackend documents = TestBackend.start("documents");
    static final TestBackend serviceHall = TestBackend.start("service-hall");
    static final TestBackend hotline = TestBackend.start("hotline");
    static final TestBackend congress = TestBackend.start("congress");
    static final int fleetPort = TestBackend.unusedPort();

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        // the env-var names of application.yml
        registry.add("DOCUMENT_URL", documents::url);
        registry.add("SERVICE_HALL_URL", serviceHall::url);
        registry.add("HOTLINE_URL", hotline::url);
        registry.add("CONGRESS_URL", congress::url);
        registry.add("FLEET_URL", () -> "http://127.0.0.1:" + fleetPort);
    }

    @LocalServerPort
    int port;

    WebTestClient client;

    @BeforeEach
    void connectClient() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(15))
                .build();
    }

    /** A fresh subject per call, so no test drains another's rate-limit bucket. */
    static String bearer() {
        return "Bearer " + TestTokens.valid("citizen-" + UUID.randomUUID());
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
