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
 * The system as it runs: a real KRaft broker, MySQL/MariaDB, and the gateway, hotline-service, document-service
 * and service-hall-service as {@code java -jar} processes, on ports of their own (18080…, Kafka 19092) so a running dev
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
                .isolated(home, 19092, 19093, 13307, plan, Set.of("gateway", "hotline-service", "document-service",
                        "service-hall-service"));
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
    void a_new_work_order_is_counted_once_in_the_annual_report_even_when_the_console_sends_it_again() throws Exception {
        long before = hotlineWorkOrdersThisYear();
        String call = workOrder("路灯不亮");
        String key = UUID.randomUUID().toString();

        var created = postWorkOrder(call, key);
        // the console got no answer (say, the gateway's 503) and sends the same call again with the same key
        var resent = postWorkOrder(call, key);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json.readTree(created.body()).path("id").asText()).isNotBlank();
        assertThat(resent.statusCode()).as(resent.body()).isEqualTo(201);
        assertThat(resent.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(resent.body()).isEqualTo(created.body());
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

    /**
     * Issue #4's acceptance walk, as a new user does it through the gateway with the dev users' tokens: tickets,
     * calls at two windows, one application complete and one lacking a material, its 补正, the department's approval
     * and 办结, a named 差评 rectified and visited, the figures; and bad input refused as problem+json with nothing
     * written.
     */
    @Test
    @Order(6)
    void a_morning_at_the_service_hall_through_the_gateway() throws Exception {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        // a cold service on a busy machine may miss the gateway's 5 s limit on its very first requests: warm it first
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).alias("service hall answers reads")
                .until(() -> hallGet("/matters", "HALL_CLERK").statusCode() == 200);
        String matter = hallOk(hall("/matters", "HALL_CLERK", """
                {"code":"E2E-DB-01","name":"城乡居民最低生活保障申请","department":"城市管理办","legalLimitDays":30,
                 "promisedLimitDays":10,"requiredMaterials":["居民身份证","户口簿"],"fee":0,"channels":["WINDOW"]}"""), 201)
                .path("id").asText();
        hallOk(hall("/matters/" + matter + "/publication", "HALL_CLERK", "{}"), 200);
        hallOk(hall("/queues", "HALL_CLERK", "{\"code\":\"A\",\"name\":\"综合受理\"}"), 201);
        String one = hallOk(hall("/windows", "HALL_CLERK", "{\"number\":\"1\",\"name\":\"综合窗口一\",\"queues\":[\"A\"]}"), 201)
                .path("id").asText();
        String two = hallOk(hall("/windows", "HALL_CLERK", "{\"number\":\"2\",\"name\":\"综合窗口二\",\"queues\":[\"A\"]}"), 201)
                .path("id").asText();
        String first = hallOk(hall("/tickets", "HALL_CLERK", "{\"queue\":\"A\"}"), 201).path("id").asText();
        String second = hallOk(hall("/tickets", "HALL_CLERK", "{\"queue\":\"A\"}"), 201).path("id").asText();

        // bad input: 4xx problem+json naming the field, and nothing half-written
        assertProblem(hall("/tickets", "HALL_CLERK", "{\"queue\":\"Z\"}"), "queue");
        assertProblem(hall("/applications", "HALL_CLERK", "{\"matterId\":\"" + matter
                + "\",\"applicantIdNumber\":\"44060619800101123X\",\"providedMaterials\":[\"居民身份证\"]}"), "applicantName");
        assertThat(hallOk(hallGet("/tickets?day=" + today, "HALL_CLERK"), 200)).as("tickets of the day").hasSize(2);
        assertThat(hallOk(hallGet("/applications", "HALL_CLERK"), 200).path("items")).as("applications").isEmpty();

        assertThat(hallOk(hall("/windows/" + one + "/calls", "HALL_CLERK", ""), 200).path("id").asText()).isEqualTo(first);
        assertThat(hallOk(hall("/windows/" + two + "/calls", "HALL_CLERK", ""), 200).path("id").asText()).isEqualTo(second);
        hallOk(hall("/tickets/" + first + "/arrival", "HALL_CLERK", ""), 200);
        hallOk(hall("/tickets/" + second + "/arrival", "HALL_CLERK", ""), 200);
        String complete = hallOk(hall("/applications", "HALL_CLERK", submission(matter, first, "\"居民身份证\",\"户口簿\"")), 201)
                .path("id").asText();
        JsonNode lacking = hallOk(hall("/applications", "HALL_CLERK", submission(matter, second, "\"居民身份证\"")), 201);
        assertThat(lacking.path("status").asText()).isEqualTo("AWAITING_SUPPLEMENT");
        assertThat(lacking.path("missingMaterials").get(0).asText()).isEqualTo("户口簿");
        hallOk(hall("/tickets/" + first + "/completion", "HALL_CLERK", ""), 200);
        hallOk(hall("/tickets/" + second + "/completion", "HALL_CLERK", ""), 200);
        String supplemented = lacking.path("id").asText();
        hallOk(hall("/applications/" + supplemented + "/supplement", "HALL_CLERK", "{\"providedMaterials\":[\"户口簿\"]}"), 200);

        for (String id : List.of(complete, supplemented)) {
            hallOk(hall("/applications/" + id + "/approval", "DEPARTMENT_HANDLER", "{\"opinion\":\"符合条件\"}"), 200);
            hallOk(hall("/applications/" + id + "/completion", "DEPARTMENT_HANDLER", "{}"), 200);
        }
        String rectification = hallOk(hall("/applications/" + complete + "/rating", "HALL_CLERK",
                "{\"level\":\"DISSATISFIED\",\"comment\":\"排队久\",\"raterName\":\"王五\",\"raterPhone\":\"13700001234\"}"), 201)
                .path("rectificationId").asText();
        hallOk(hall("/rectifications/" + rectification + "/rectification", "DEPARTMENT_HANDLER",
                "{\"measures\":\"高峰期增开窗口\"}"), 200);
        hallOk(hall("/rectifications/" + rectification + "/return-visit", "HALL_CLERK", "{\"satisfied\":true}"), 200);
        hallOk(hall("/rectifications/" + rectification + "/review", "TOWN_LEADER", "{\"accept\":true}"), 200);

        JsonNode figures = hallOk(hallGet("/stats?from=" + today + "&to=" + today, "TOWN_LEADER"), 200);
        assertThat(figures.path("accepted").asLong()).isEqualTo(2);
        assertThat(figures.path("completed").asLong()).isEqualTo(2);
        assertThat(figures.path("completionRate").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(figures.path("waiting").path("tickets").asLong()).isEqualTo(2);
        assertThat(figures.path("ratings").path("negative").asLong()).isEqualTo(1);
        assertThat(figures.path("ratings").path("rectifiedRate").decimalValue()).isEqualByComparingTo("100.0");
    }

    // ---------------------------------------------------------------- helpers

    private HttpResponse<String> hall(String path, String role, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri("/api/service-hall" + path))
                .header("Authorization", "Bearer " + tokens.forRole(role))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> hallGet(String path, String role) throws Exception {
        return send(HttpRequest.newBuilder(uri("/api/service-hall" + path))
                .header("Authorization", "Bearer " + tokens.forRole(role)).GET());
    }

    private JsonNode hallOk(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.request().uri() + ": " + response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }

    private void assertProblem(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(response.body()).contains(field);
    }

    private static String submission(String matter, String ticket, String materials) {
        return """
                {"matterId":"%s","ticketId":"%s","applicantName":"王五","applicantIdNumber":"44060619800101123X",
                 "applicantPhone":"13900001111","providedMaterials":[%s]}""".formatted(matter, ticket, materials);
    }

    private String workOrder(String content) {
        return """
                {"type":"COMPLAINT","channel":"PHONE","category":"市容环境","content":"%s",
                 "callerName":"陈先生","callerPhone":"13800138000","urgency":"NORMAL"}"""
                .formatted(content + " " + UUID.randomUUID());
    }

    private HttpResponse<String> postWorkOrder(String body) throws Exception {
        return send(workOrderRequest(body));
    }

    private HttpResponse<String> postWorkOrder(String body, String idempotencyKey) throws Exception {
        return send(workOrderRequest(body).header("Idempotency-Key", idempotencyKey));
    }

    private HttpRequest.Builder workOrderRequest(String body) {
        return HttpRequest.newBuilder(uri("/api/hotline/work-orders"))
                .header("Authorization", "Bearer " + tokens.forRole("HOTLINE_AGENT"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
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
