package org.zhenwu.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The system as it runs: a real KRaft broker, MySQL/MariaDB, and the gateway, hotline-service and
 * document-service as {@code java -jar} processes, on ports of their own (18080…, Kafka 19092) so a running dev
 * stack does not clash, with fresh {@code zhenwu_e2e_*} schemas. Runs in {@code verify} (failsafe), after every
 * service jar has been packaged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StackEndToEndTest {

    private static final String TOWN = DevTokens.DEV_TOWN;
    private static final Duration EVENTUALLY = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final DevTokens tokens = DevTokens.withDevKey();
    private LocalStack stack;
    private String gateway;

    @BeforeAll
    void startStack() throws IOException {
        Path root = Path.of(System.getProperty("zhenwu.repo.root", "..")).toAbsolutePath().normalize();
        Path home = root.resolve("deploy/target/e2e-stack");
        deleteRecursively(home.resolve("kafka"));   // a fresh broker; the embedded database (if any) may stay
        List<ServiceSpec> plan = ServiceSpec.defaults().stream()
                .map(s -> s.withPort(s.port() + 10_000))
                .map(s -> s.withSchema(s.schema() == null ? null : s.schema().replace("zhenwu_", "zhenwu_e2e_")))
                .toList();
        var settings = LocalStack.Settings.devDefaults(root)
                .isolated(home, 19092, 19093, 13307, plan, Set.of("gateway", "hotline-service", "document-service"));
        stack = new LocalStack(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "e2e-stack-stop"));   // no orphans if the fork dies
        long started = System.nanoTime();
        stack.startInfrastructure();
        for (ServiceSpec s : settings.selectedServices()) {
            if (s.usesDatabase()) {   // fresh schemas: the figures below start from nothing
                stack.database().dropSchema(s.schema());
                stack.database().createSchema(s.schema());
            }
        }
        try {
            stack.startServices();
        } catch (ServiceProcess.ServiceFailed e) {
            throw new AssertionError(e.getMessage() + "; last lines of " + e.service().logFile() + ":\n" + e.logTail(80), e);
        }
        System.out.printf("e2e stack ready in %.1f s, RSS %d MB%n", (System.nanoTime() - started) / 1e9,
                LocalStack.childrenRssKb() / 1024);
        gateway = plan.stream().filter(ServiceSpec::isGateway).findFirst().orElseThrow().url();
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void a_request_without_a_token_is_a_401_problem() throws Exception {
        var response = send(HttpRequest.newBuilder(uri("/api/hotline/work-orders")).GET());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
    }

    @Test
    @Order(2)
    void hotline_health_answers_up_through_the_gateway() throws Exception {
        var response = send(HttpRequest.newBuilder(uri("/services/hotline/health")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("status").asText()).isEqualTo("UP");
    }

    @Test
    @Order(2)
    void published_disclosure_items_are_readable_through_the_gateway_without_a_token() throws Exception {
        var response = send(HttpRequest.newBuilder(uri("/public/documents/disclosure?town=" + TOWN)).GET());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/json"));
        var unpublished = send(HttpRequest.newBuilder(uri("/public/documents/disclosure/" + UUID.randomUUID())).GET());
        assertThat(unpublished.statusCode()).as("nothing unpublished, and no 401 either").isEqualTo(404);
    }

    @Test
    @Order(3)
    void a_malformed_work_order_is_a_400_problem_naming_the_field() throws Exception {
        String withoutContent = """
                {"type":"COMPLAINT","channel":"PHONE","category":"市容环境","callerName":"陈先生",
                 "callerPhone":"13800138000","urgency":"NORMAL"}""";

        var response = postWorkOrder(withoutContent);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(response.body()).contains("content");
    }

    @Test
    @Order(4)
    void a_new_work_order_is_counted_once_in_the_annual_report() throws Exception {
        long before = hotlineWorkOrdersThisYear();

        var created = postWorkOrder(workOrder("路灯不亮"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json.readTree(created.body()).path("id").asText()).isNotBlank();
        awaitFigure(before + 1);
    }

    @Test
    @Order(5)
    void work_orders_taken_while_the_broker_is_down_are_counted_exactly_once_after_it_returns() throws Exception {
        long before = hotlineWorkOrdersThisYear();
        KafkaBroker broker = stack.broker();

        broker.stop();
        assertThat(broker.isRunning()).isFalse();
        for (int i = 1; i <= 5; i++) {
            var created = postWorkOrder(workOrder("夜间施工噪音 #" + i));
            assertThat(created.statusCode()).as("work order %d while the broker is down: %s", i, created.body())
                    .isEqualTo(201);
        }
        Thread.sleep(30_000);
        assertThat(hotlineWorkOrdersThisYear()).as("nothing can arrive while the broker is down").isEqualTo(before);
        broker.start();

        awaitFigure(before + 5);
        // exactly once in effect: redelivered events must not count twice
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(this::hotlineWorkOrdersThisYear, n -> n == before + 5);
    }

    // ---------------------------------------------------------------- helpers

    private String workOrder(String content) {
        return """
                {"type":"COMPLAINT","channel":"PHONE","category":"市容环境","content":"%s",
                 "callerName":"陈先生","callerPhone":"13800138000","urgency":"NORMAL"}"""
                .formatted(content + " " + UUID.randomUUID());
    }

    private HttpResponse<String> postWorkOrder(String body) throws Exception {
        return send(HttpRequest.newBuilder(uri("/api/hotline/work-orders"))
                .header("Authorization", "Bearer " + tokens.forRole("HOTLINE_AGENT"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private long hotlineWorkOrdersThisYear() throws Exception {
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();   // the report counts by Shanghai month
        var response = send(HttpRequest.newBuilder(uri("/api/documents/reports/annual?town=" + TOWN + "&year=" + year))
                .header("Authorization", "Bearer " + tokens.forRole("OFFICE_CLERK"))
                .GET());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode figure = json.readTree(response.body()).findValue("hotlineWorkOrders");
        return figure == null || figure.isNull() ? 0 : figure.asLong();
    }

    private void awaitFigure(long expected) {
        AtomicLong last = new AtomicLong(-1);
        await().atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1))
                .alias("hotlineWorkOrders reaches " + expected)
                .untilAsserted(() -> {
                    last.set(hotlineWorkOrdersThisYear());
                    assertThat(last.get()).isGreaterThanOrEqualTo(expected);
                });
        assertThat(last.get()).as("hotlineWorkOrders must reach %d and not overshoot", expected).isEqualTo(expected);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(gateway + path);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
