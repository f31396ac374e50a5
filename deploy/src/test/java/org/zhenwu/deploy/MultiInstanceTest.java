package org.zhenwu.deploy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two instances of one service on one database (issues #10, #12): a real KRaft broker, MySQL/MariaDB, and TWO
 * {@code java -jar} processes each of hotline-service, service-hall-service and fleet-service, the two of a service
 * on the same fresh {@code zhenwu_mi_*} schema and the same broker (consumer group), on ports of their own (28081…,
 * Kafka 29092) so neither a dev stack nor {@link StackEndToEndTest} clashes. No gateway: the test calls each instance
 * directly with dev tokens, spreading requests evenly over A and B from a thread pool, and checks invariants
 * afterwards, each against both instances at once:
 * <ol>
 *   <li>hotline: a queue claim is never doubled; the deadline job (every second in both instances) escalates each
 *       overdue order once; two outbox relays never send an event twice;</li>
 *   <li>hotline: consumer-group rebalancing (instance A stopped mid-stream, B takes its partitions) with every event
 *       delivered twice on purpose: each order notes the 督办 result exactly once;</li>
 *   <li>service-hall: a ticket is served by exactly one window when windows on A and B call at the same instant; the
 *       clock job turns each overdue application red once;</li>
 *   <li>fleet: overlapping dispatches of one vehicle or one driver through A and B: exactly one succeeds; the expiry
 *       job alerts once per licence and per policy.</li>
 * </ol>
 * Time is simulated by the operator: to make work orders and applications overdue the test moves their due date
 * into the past directly in the shared schema (as a DBA would; the services read the date from the row), instead of
 * waiting thirteen working days. Runs in {@code verify} (failsafe) after the service jars are packaged; it needs
 * several minutes on two cores (figures in docs/reliability.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiInstanceTest {

    // Names from the contracts module (EventHeaders, *Topics, the event types); deploy does not depend on it.
    private static final String EVENT_TYPE = "event-type";
    private static final String EVENT_ID = "event-id";
    private static final String HOTLINE_TOPIC = "hotline.work-order.v1";
    private static final String SUPERVISION_TOPIC = "document.supervision.v1";
    private static final String APPLICATION_TOPIC = "service-hall.application.v1";
    private static final String ALERT_TOPIC = "fleet.alert.v1";
    private static final String WORK_ORDER_CREATED = "hotline.WorkOrderCreated";
    private static final String WORK_ORDER_DISPATCHED = "hotline.WorkOrderDispatched";
    private static final String WORK_ORDER_ESCALATED = "hotline.WorkOrderEscalated";
    private static final String SUPERVISION_COMPLETED = "document.SupervisionCompleted";
    private static final String APPLICATION_ACCEPTED = "service-hall.ApplicationAccepted";
    private static final String APPLICATION_CLOCK_WARNED = "service-hall.ApplicationClockWarned";
    private static final String ALERT_RAISED = "fleet.AlertRaised";

    private static final String TOWN = DevTokens.DEV_TOWN;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final List<String> MODULES = List.of("hotline-service", "service-hall-service", "fleet-service");
    private static final Duration EVENTUALLY = Duration.ofSeconds(180);
    /** After an invariant's events arrived, both instances' jobs run this long more, to catch a second send. */
    private static final Duration QUIET = Duration.ofSeconds(6);

    private static final int WORK_ORDERS = 60;
    private static final int AGENTS = 6;
    private static final int TICKETS = 60;
    private static final int WINDOWS = 6;
    private static final int APPLICATIONS = 20;
    private static final int OVERLAPPING_TRIPS = 8;
    private static final int EXPIRING = 5;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final DevTokens tokens = DevTokens.withDevKey();
    private final ExecutorService pool = Executors.newFixedThreadPool(16);
    private final Map<String, String> measured = new LinkedHashMap<>();
    private Path root;
    private LocalStack stack;
    /** module → [url of A, url of B] */
    private final Map<String, List<String>> instances = new LinkedHashMap<>();
    private final Map<String, String> schemas = new LinkedHashMap<>();
    /** Work orders created in part 1 (and escalated there), used again in part 2. */
    private final List<String> escalatedOrders = new CopyOnWriteArrayList<>();

    @BeforeAll
    void startTwoInstancesOfEachService() throws Exception {
        root = Path.of(System.getProperty("zhenwu.repo.root", "..")).toAbsolutePath().normalize();
        Path home = root.resolve("deploy/target/multi-instance-stack");
        deleteRecursively(home.resolve("kafka"));   // a fresh broker: the topics below hold only this run's events
        List<ServiceSpec> plan = new ArrayList<>();
        int port = 28081;
        for (String module : MODULES) {
            String schema = "zhenwu_mi_" + module.replace("-service", "").replace('-', '_');
            String urlEnv = module.replace("-service", "").replace('-', '_').toUpperCase(Locale.ROOT) + "_URL";
            ServiceSpec a = new ServiceSpec(module, module, port++, schema, urlEnv);
            ServiceSpec b = new ServiceSpec(module + "-b", module, port++, schema, urlEnv);
            plan.add(a);
            plan.add(b);
            instances.put(module, List.of(a.url(), b.url()));
            schemas.put(module, schema);
        }
        var settings = LocalStack.Settings.devDefaults(root).isolated(home, 29092, 29093, 23307, plan,
                plan.stream().map(ServiceSpec::name).collect(Collectors.toSet()));
        stack = new LocalStack(settings)
                .withReadyTimeout(Duration.ofSeconds(Long.getLong("zhenwu.mi.ready-timeout-seconds", 420)))
                .withServiceEnvironment(Map.of(
                        // every job every second in both instances, so they really race
                        "ZHENWU_HOTLINE_DEADLINE_CHECK_INTERVAL", "1s",
                        "ZHENWU_HOTLINE_DEADLINE_CHECK_DELAY", "1s",
                        "ZHENWU_SERVICE_HALL_APPLICATIONS_CLOCK_CHECK_INTERVAL", "1s",
                        "ZHENWU_SERVICE_HALL_APPLICATIONS_CLOCK_CHECK_DELAY", "1s",
                        "ZHENWU_FLEET_EXPIRY_CHECK_INTERVAL", "1s",
                        "ZHENWU_FLEET_EXPIRY_CHECK_DELAY", "1s"));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "multi-instance-stack-stop"));   // no orphans
        long started = System.nanoTime();
        stack.startInfrastructure();
        for (String schema : new LinkedHashSet<>(schemas.values())) {   // fresh schemas: every count starts at zero
            stack.database().dropSchema(schema);
            stack.database().createSchema(schema);
        }
        try (Admin admin = admin()) {   // the topic hotline consumes exists before its two consumers join
            admin.createTopics(List.of(new NewTopic(SUPERVISION_TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        double infrastructure = seconds(started);
        try {
            stack.startServices();   // both instances of a service migrate the one schema at once (Flyway's lock)
        } catch (ServiceProcess.ServiceFailed e) {
            throw new AssertionError(e.getMessage() + "; last lines of " + e.service().logFile() + ":\n" + e.logTail(80), e);
        }
        String readiness = stack.services().values().stream()
                .sorted(java.util.Comparator.comparing(p -> p.spec().name()))
                .map(p -> String.format(Locale.ROOT, "%s %.0f s", p.spec().name(), p.readyAfterMillis() / 1000.0))
                .collect(Collectors.joining(", "));
        record("stack ready", String.format(Locale.ROOT, "%.1f s (infrastructure %.1f s; %s), RSS %d MB, database %s",
                seconds(started), infrastructure, readiness, LocalStack.childrenRssKb() / 1024, stack.database().baseUrl()));
    }

    @AfterAll
    void stopStack() {
        pool.shutdownNow();
        if (stack != null) {
            stack.close();
        }
        System.out.println("\nMultiInstanceTest figures:");
        measured.forEach((k, v) -> System.out.println("  " + k + ": " + v));
    }

    // ------------------------------------------------------------------------------------------------ hotline

    @Test
    @Order(1)
    void hotline_claims_are_never_doubled_and_deadline_escalation_and_relay_happen_once_across_instances() throws Exception {
        List<String> hotline = instances.get("hotline-service");
        String agent = tokens.forRole("HOTLINE_AGENT");
        long t0 = System.nanoTime();
        List<String> orders = inParallel(WORK_ORDERS, i -> {
            var r = post(hotline.get(i % 2), "/api/hotline/work-orders", agent, workOrder("占道经营 #" + i));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            return json.readTree(r.body()).path("id").asText();
        });
        record("hotline: work orders created", String.format(Locale.ROOT, "%d in %.1f s over A and B", orders.size(), seconds(t0)));
        escalatedOrders.addAll(orders);   // part 2 needs the orders even when an invariant below fails

        // ~6 agents, half on A and half on B, claim from the DISPATCH queue until it answers 204
        Map<String, List<String>> claimsByOrder = new ConcurrentHashMap<>();
        Map<Integer, Integer> claimsByAgent = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> agents = new ArrayList<>();
        long t1 = System.nanoTime();
        for (int a = 0; a < AGENTS; a++) {
            int n = a;
            String token = agentToken(n);
            String base = hotline.get(n % 2);
            agents.add(pool.submit(() -> {
                go.await();
                int claimed = 0;
                while (true) {
                    var r = post(base, "/api/hotline/queues/DISPATCH/claims", token, null);
                    if (r.statusCode() == 204) {
                        return claimed;
                    }
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                    JsonNode order = json.readTree(r.body());
                    assertThat(order.path("leasedBy").asText()).isEqualTo(agentSubject(n));
                    claimsByOrder.computeIfAbsent(order.path("id").asText(), k -> new CopyOnWriteArrayList<>()).add(agentSubject(n));
                    claimsByAgent.merge(n, 1, Integer::sum);
                    claimed++;
                }
            }));
        }
        go.countDown();
        int claims = 0;
        for (Future<Integer> f : agents) {
            claims += f.get(5, TimeUnit.MINUTES);
        }
        long doubled = claimsByOrder.values().stream().filter(v -> v.size() > 1).count();
        record("hotline: claims", String.format(Locale.ROOT, "%d orders, %d claims by %d agents (3 on A, 3 on B) in %.1f s, "
                + "per agent %s, claimed twice %d", orders.size(), claims, AGENTS, seconds(t1), new TreeMap<>(claimsByAgent),
                doubled));
        assertThat(claimsByOrder.keySet()).as("every order claimed").containsExactlyInAnyOrderElementsOf(orders);
        assertThat(claimsByOrder.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey))
                .as("orders claimed by two agents").isEmpty();
        assertThat(claims).as("claims in all").isEqualTo(WORK_ORDERS);

        // each agent dispatches what it holds, through the other instance than it claimed on
        List<Callable<Void>> dispatches = new ArrayList<>();
        for (var e : claimsByOrder.entrySet()) {
            int n = Integer.parseInt(e.getValue().get(0).substring(e.getValue().get(0).lastIndexOf('-') + 1));
            dispatches.add(() -> {
                var r = post(hotline.get((n + 1) % 2), "/api/hotline/work-orders/" + e.getKey() + "/dispatch", agentToken(n),
                        "{\"department\":\"城市管理办\",\"note\":\"多实例测试派单\"}");
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                return null;
            });
        }
        runAll(dispatches);

        // the operator simulates time: the orders' deadlines pass a few at a time, so both instances' jobs find some
        long t2 = System.nanoTime();
        int moved = makeOverdue("hotline-service", "work_order", orders, 5);
        assertThat(moved).isEqualTo(WORK_ORDERS);
        await("all orders escalated").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).until(() ->
                count("hotline-service", "SELECT COUNT(*) FROM work_order WHERE escalated = TRUE AND id IN ("
                        + placeholders(orders.size()) + ")", orders.toArray()) == WORK_ORDERS);
        double escalatedAfter = seconds(t2);
        double overdueSpread = lastOverdueSpread;
        Thread.sleep(QUIET.toMillis());   // both deadline jobs keep running every second
        awaitOutboxEmpty("hotline-service");
        List<ConsumerRecord<String, String>> topic = readAll(HOTLINE_TOPIC);

        Map<String, Map<String, Integer>> perOrder = countByTypeAndField(topic, "workOrderId");
        for (String id : orders) {
            Map<String, Integer> types = perOrder.getOrDefault(id, Map.of());
            assertThat(types.getOrDefault(WORK_ORDER_CREATED, 0)).as("WorkOrderCreated of %s", id).isEqualTo(1);
            assertThat(types.getOrDefault(WORK_ORDER_DISPATCHED, 0)).as("WorkOrderDispatched of %s", id).isEqualTo(1);
            assertThat(types.getOrDefault(WORK_ORDER_ESCALATED, 0)).as("WorkOrderEscalated of %s", id).isEqualTo(1);
        }
        assertNoEventIdTwice(topic);
        long outboxRows = count("hotline-service", "SELECT COUNT(*) FROM outbox_event WHERE topic = ?", HOTLINE_TOPIC);
        assertThat((long) topic.size()).as("records on the topic = outbox rows: no row sent twice, none lost")
                .isEqualTo(outboxRows);
        assertThat(count("hotline-service", "SELECT COUNT(*) FROM work_order_transition WHERE note LIKE '超期升级督办%' AND "
                + "work_order_id IN (" + placeholders(orders.size()) + ")", orders.toArray()))
                .as("one escalation in each trail").isEqualTo(WORK_ORDERS);
        record("hotline: deadline job", String.format(Locale.ROOT, "%d orders made overdue 5 at a time over %.1f s, all "
                + "escalated %.1f s after the first; escalated by A/B %s (job every 1 s in each); %d WorkOrderEscalated on "
                + "the topic, 0 twice", WORK_ORDERS, overdueSpread, escalatedAfter, jobSplit("hotline-service", "Deadline check: "),
                topic.stream().filter(r -> WORK_ORDER_ESCALATED.equals(header(r, EVENT_TYPE))).count()));
        record("hotline: outbox relays", String.format(Locale.ROOT, "%d records on %s = %d outbox rows, %d distinct event-ids",
                topic.size(), HOTLINE_TOPIC, outboxRows, topic.stream().map(r -> header(r, EVENT_ID)).distinct().count()));
    }

    @Test
    @Order(2)
    void supervision_results_delivered_twice_across_a_rebalance_are_noted_once() throws Exception {
        assertThat(escalatedOrders).as("part 1 created the orders").hasSize(WORK_ORDERS);
        List<String> hotline = instances.get("hotline-service");
        try (Admin admin = admin(); KafkaProducer<String, String> producer = producer()) {
            await("two hotline consumers share the partitions").atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1))
                    .until(() -> assignment(admin, "hotline-service").size() == 2
                            && assignment(admin, "hotline-service").values().stream().noneMatch(Set::isEmpty));
            Map<String, Set<Integer>> before = assignment(admin, "hotline-service");

            JsonNode golden = json.readTree(Files.readString(
                    root.resolve("contracts/src/test/resources/golden/document/v1/SupervisionCompleted.json")));
            List<ProducerRecord<String, String>> events = new ArrayList<>();
            for (int i = 0; i < escalatedOrders.size(); i++) {
                events.add(supervisionCompleted(golden, escalatedOrders.get(i), i));
            }
            int third = WORK_ORDERS / 3;
            long t0 = System.nanoTime();
            // first third: both copies; second third: the first copy only, its twin comes after the rebalance
            for (int i = 0; i < 2 * third; i++) {
                producer.send(events.get(i));
                if (i < third) {
                    producer.send(events.get(i));
                }
            }
            producer.flush();
            await("some results noted before A stops").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(200))
                    .until(() -> supervisionNotes() >= third / 2);
            long notedBeforeStop = supervisionNotes();
            long t1 = System.nanoTime();
            stack.services().get("hotline-service").stop(LocalStack.SERVICE_STOP_GRACE_MILLIS);   // instance A
            double stopSeconds = seconds(t1);
            await("B holds every partition").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        var now = assignment(admin, "hotline-service");
                        return now.size() == 1 && now.values().iterator().next().size() == 3;
                    });
            double rebalanceSeconds = seconds(t1);
            Map<String, Set<Integer>> after = assignment(admin, "hotline-service");
            for (int i = third; i < WORK_ORDERS; i++) {
                producer.send(events.get(i));
                if (i >= 2 * third) {
                    producer.send(events.get(i));
                }
            }
            producer.flush();
            await("every result noted").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                    .until(() -> supervisionNotes() >= WORK_ORDERS);
            double allNoted = seconds(t0);
            Thread.sleep(QUIET.toMillis());

            String b = hotline.get(1);
            List<Callable<Void>> checks = new ArrayList<>();
            for (String id : escalatedOrders) {
                checks.add(() -> {
                    var r = get(b, "/api/hotline/work-orders/" + id, tokens.forRole("HOTLINE_AGENT"));
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                    long notes = 0;
                    for (JsonNode t : json.readTree(r.body()).path("transitions")) {
                        if (t.path("note").asText().startsWith("督办完成")) {
                            notes++;
                        }
                    }
                    assertThat(notes).as("督办完成 in the trail of %s", id).isEqualTo(1);
                    return null;
                });
            }
            runAll(checks);
            assertThat(supervisionNotes()).isEqualTo(WORK_ORDERS);
            assertThat(count("hotline-service", "SELECT COUNT(*) FROM inbox_event WHERE consumer = 'hotline-service'"))
                    .as("one inbox row per event id").isEqualTo(WORK_ORDERS);
            record("hotline: rebalance", String.format(Locale.ROOT, "%d SupervisionCompleted sent twice each (%d records); "
                            + "A stopped after %d were noted (graceful stop %.1f s), B held all 3 partitions %.1f s after the stop "
                            + "(before %s, after %s); all noted %.1f s after the first send; 督办完成 exactly once in each of %d trails",
                    WORK_ORDERS, 2 * WORK_ORDERS, notedBeforeStop, stopSeconds, rebalanceSeconds, before, after, allNoted,
                    WORK_ORDERS));
        }
    }

    // ------------------------------------------------------------------------------------------------ service hall

    @Test
    @Order(3)
    void each_ticket_is_served_by_one_window_and_each_overdue_application_turns_red_once() throws Exception {
        List<String> hall = instances.get("service-hall-service");
        String clerk = tokens.forRole("HALL_CLERK");
        var queue = post(hall.get(0), "/api/service-hall/queues", clerk, "{\"code\":\"MI\",\"name\":\"综合受理\"}");
        assertThat(queue.statusCode()).as(queue.body()).isEqualTo(201);
        List<String> windows = inParallel(WINDOWS, w -> {
            var r = post(hall.get(w % 2), "/api/service-hall/windows", clerk,
                    "{\"number\":\"M%d\",\"name\":\"综合窗口%d\",\"queues\":[\"MI\"]}".formatted(w + 1, w + 1));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            return json.readTree(r.body()).path("id").asText();
        });
        Map<String, String> numbers = new ConcurrentHashMap<>();
        List<String> tickets = inParallel(TICKETS, i -> {
            var r = post(hall.get(i % 2), "/api/service-hall/tickets", clerk, "{\"queue\":\"MI\"}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            JsonNode t = json.readTree(r.body());
            numbers.put(t.path("id").asText(), t.path("number").asText());
            return t.path("id").asText();
        });
        assertThat(new HashSet<>(numbers.values())).as("numbers issued by two instances: unique and gapless")
                .isEqualTo(IntStream.rangeClosed(1, TICKETS).mapToObj(n -> "MI%03d".formatted(n)).collect(Collectors.toSet()));

        // every window calls at once, alternating between A and B call by call, until the queue is empty
        Map<String, List<String>> windowsByTicket = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> calling = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int w = 0; w < WINDOWS; w++) {
            int n = w;
            String window = windows.get(w);
            calling.add(pool.submit(() -> {
                go.await();
                int served = 0;
                for (int call = 0; ; call++) {
                    String base = hall.get((n + call) % 2);
                    var r = post(base, "/api/service-hall/windows/" + window + "/calls", clerk, null);
                    if (r.statusCode() == 204) {
                        return served;
                    }
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                    String ticket = json.readTree(r.body()).path("id").asText();
                    windowsByTicket.computeIfAbsent(ticket, k -> new CopyOnWriteArrayList<>()).add(window);
                    for (String step : List.of("arrival", "completion")) {
                        var s = post(base, "/api/service-hall/tickets/" + ticket + "/" + step, clerk, null);
                        assertThat(s.statusCode()).as(step + ": " + s.body()).isEqualTo(200);
                    }
                    served++;
                }
            }));
        }
        go.countDown();
        List<Integer> perWindow = new ArrayList<>();
        for (Future<Integer> f : calling) {
            perWindow.add(f.get(5, TimeUnit.MINUTES));
        }
        assertThat(windowsByTicket.keySet()).as("every ticket called").containsExactlyInAnyOrderElementsOf(tickets);
        assertThat(windowsByTicket.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey))
                .as("tickets called by two windows").isEmpty();
        assertThat(count("service-hall-service", "SELECT COUNT(*) FROM ticket WHERE status = 'DONE'")).isEqualTo(TICKETS);
        record("service-hall: window calls", String.format(Locale.ROOT, "%d tickets (numbers MI001-MI%03d from both instances) "
                + "served by %d windows calling A and B alternately in %.1f s, per window %s, served twice 0",
                TICKETS, TICKETS, WINDOWS, seconds(t0), perWindow));

        // the clock job: applications made overdue turn red once, whichever instance sees them first
        String matter = post(hall.get(0), "/api/service-hall/matters", clerk, """
                {"code":"MI-%s","name":"城乡居民最低生活保障申请","department":"社会事务办","legalLimitDays":30,
                 "promisedLimitDays":20,"requiredMaterials":["身份证"],"fee":0,"channels":["WINDOW","ONLINE","KIOSK"]}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8))).body();
        String matterId = json.readTree(matter).path("id").asText();
        assertThat(matterId).as(matter).isNotBlank();
        var published = post(hall.get(1), "/api/service-hall/matters/" + matterId + "/publication", clerk, "{}");
        assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
        List<String> applications = inParallel(APPLICATIONS, i -> {
            var r = post(hall.get(i % 2), "/api/service-hall/applications", clerk, """
                    {"matterId":"%s","applicantName":"王五","applicantIdNumber":"44060619800101123X",
                     "applicantPhone":"13900001111","providedMaterials":["身份证"]}""".formatted(matterId));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            JsonNode a = json.readTree(r.body());
            assertThat(a.path("status").asText()).isEqualTo("ACCEPTED");
            return a.path("id").asText();
        });
        long t1 = System.nanoTime();
        int moved = makeOverdue("service-hall-service", "application", applications, 2);
        assertThat(moved).isEqualTo(APPLICATIONS);
        await("all applications red").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).until(() ->
                count("service-hall-service", "SELECT COUNT(*) FROM application WHERE warning_level = 'RED' AND id IN ("
                        + placeholders(applications.size()) + ")", applications.toArray()) == APPLICATIONS);
        double redAfter = seconds(t1);
        Thread.sleep(QUIET.toMillis());
        awaitOutboxEmpty("service-hall-service");
        List<ConsumerRecord<String, String>> topic = readAll(APPLICATION_TOPIC);
        Map<String, Map<String, Integer>> perApplication = countByTypeAndField(topic, "applicationId");
        Map<String, Integer> levels = new HashMap<>();
        for (ConsumerRecord<String, String> r : topic) {
            if (APPLICATION_CLOCK_WARNED.equals(header(r, EVENT_TYPE))) {
                levels.merge(json.readTree(r.value()).path("level").asText(), 1, Integer::sum);
            }
        }
        for (String id : applications) {
            Map<String, Integer> types = perApplication.getOrDefault(id, Map.of());
            assertThat(types.getOrDefault(APPLICATION_ACCEPTED, 0)).as("ApplicationAccepted of %s", id).isEqualTo(1);
            assertThat(types.getOrDefault(APPLICATION_CLOCK_WARNED, 0)).as("ApplicationClockWarned of %s", id).isEqualTo(1);
        }
        assertThat(levels).as("warnings by level").isEqualTo(Map.of("RED", APPLICATIONS));
        assertNoEventIdTwice(topic);
        long outboxRows = count("service-hall-service", "SELECT COUNT(*) FROM outbox_event WHERE topic = ?", APPLICATION_TOPIC);
        assertThat((long) topic.size()).as("records on the topic = outbox rows").isEqualTo(outboxRows);
        record("service-hall: clock job", String.format(Locale.ROOT, "%d applications made overdue 2 at a time, all red %.1f s "
                + "after the first; turned red by A/B %s; %d RED warnings on the topic (0 twice), %d records = %d outbox rows",
                APPLICATIONS, redAfter, jobSplit("service-hall-service", "Clock check: "), levels.getOrDefault("RED", 0),
                topic.size(), outboxRows));
    }

    // ------------------------------------------------------------------------------------------------ fleet

    @Test
    @Order(4)
    void one_vehicle_and_one_driver_are_booked_once_and_each_expiry_alerts_once() throws Exception {
        List<String> fleet = instances.get("fleet-service");
        String manager = tokens.forRole("FLEET_MANAGER");
        String clerk = tokens.forRole("OFFICE_CLERK");
        LocalDate today = LocalDate.now(SHANGHAI);
        String sharedVehicle = vehicle(fleet.get(0), manager, 1);
        String sharedDriver = driver(fleet.get(1), manager, 1, "2035-12-31");
        // every window overlaps every other: all cover START + 35 min .. START + 2 h
        Instant start = Instant.parse("2019-11-05T01:00:00Z");
        record Attempt(String group, String trip, String vehicle, String driver) { }
        List<Attempt> attempts = inParallel(2 * OVERLAPPING_TRIPS, i -> {
            String base = fleet.get(i % 2);
            Instant from = start.plusSeconds((i / 2) * 300L);
            String plan = """
                    {"purpose":"到区政务中心报送年度材料","destination":"顺德区行政服务中心","passengerCount":1,
                     "plannedStart":"%s","plannedEnd":"%s"}""".formatted(from, from.plusSeconds(7200));
            var requested = post(base, "/api/fleet/trips", clerk, plan);
            assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
            String trip = json.readTree(requested.body()).path("id").asText();
            var approved = post(fleet.get((i + 1) % 2), "/api/fleet/trips/" + trip + "/approval", manager, "{}");
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
            return i % 2 == 0
                    ? new Attempt("vehicle", trip, sharedVehicle, driver(base, manager, 100 + i, "2035-12-31"))
                    : new Attempt("driver", trip, vehicle(base, manager, 100 + i), sharedDriver);
        });
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < attempts.size(); i++) {
            Attempt a = attempts.get(i);
            String base = fleet.get((i / 2) % 2);   // each group half through A, half through B
            results.add(pool.submit(() -> {
                go.await();
                return post(base, "/api/fleet/trips/" + a.trip() + "/dispatch", manager,
                        "{\"vehicleId\":\"" + a.vehicle() + "\",\"driverId\":\"" + a.driver() + "\"}");
            }));
        }
        go.countDown();
        Map<String, Integer> won = new TreeMap<>();
        for (int i = 0; i < attempts.size(); i++) {
            var r = results.get(i).get(5, TimeUnit.MINUTES);
            if (r.statusCode() == 200) {
                won.merge(attempts.get(i).group(), 1, Integer::sum);
                continue;
            }
            assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                    ct -> assertThat(ct).startsWith("application/problem+json"));
            assertThat(json.readTree(r.body()).path("rule").asText()).isEqualTo("double-booking");
        }
        double raced = seconds(t0);
        assertThat(won).as("dispatches that succeeded, by shared resource").isEqualTo(Map.of("vehicle", 1, "driver", 1));
        assertThat(count("fleet-service", """
                SELECT COUNT(*) FROM trip a JOIN trip b
                  ON a.id < b.id AND (a.vehicle_id = b.vehicle_id OR a.driver_id = b.driver_id)
                 AND a.planned_start < b.planned_end AND b.planned_start < a.planned_end
                WHERE a.status IN ('DISPATCHED', 'DEPARTED') AND b.status IN ('DISPATCHED', 'DEPARTED')"""))
                .as("overlapping bookings in the database").isZero();
        record("fleet: double booking", String.format(Locale.ROOT, "%d overlapping dispatches of one vehicle and %d of one "
                + "driver, half through A and half through B, in %.1f s: 1 + 1 succeeded, %d answered 409 double-booking",
                OVERLAPPING_TRIPS, OVERLAPPING_TRIPS, raced, 2 * OVERLAPPING_TRIPS - 2));

        // the expiry job: one alert per licence and per policy, however many instances look
        String insurer = post(fleet.get(0), "/api/fleet/providers", manager, """
                {"kind":"INSURER","name":"多实例保险公司","contractNumber":"LC-ZB-MI-1","contractFrom":"%s","contractTo":"%s"}"""
                .formatted(today.minusYears(2), today.plusYears(2))).body();
        String insurerId = json.readTree(insurer).path("id").asText();
        assertThat(insurerId).as(insurer).isNotBlank();
        long t1 = System.nanoTime();
        List<String> expiringDrivers = inParallel(EXPIRING, i ->
                driver(fleet.get(i % 2), manager, 200 + i, today.plusDays(10).toString()));
        List<String> insuredVehicles = inParallel(EXPIRING, i -> {
            String vehicle = vehicle(fleet.get(i % 2), manager, 200 + i);
            var r = post(fleet.get((i + 1) % 2), "/api/fleet/insurance-policies", manager, """
                    {"vehicleId":"%s","providerId":"%s","policyNumber":"MI-%d","kind":"COMMERCIAL","startsOn":"%s","endsOn":"%s",
                     "premiumYuan":3200}""".formatted(vehicle, insurerId, i, today.minusDays(355), today.plusDays(10)));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            return vehicle;
        });
        await("every expiry alerted").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).until(() ->
                count("fleet-service", "SELECT COUNT(*) FROM fleet_alert WHERE kind IN ('LICENCE_EXPIRING', 'INSURANCE_EXPIRING')")
                        >= 2 * EXPIRING);
        double alertedAfter = seconds(t1);
        Thread.sleep(QUIET.toMillis());
        awaitOutboxEmpty("fleet-service");
        List<ConsumerRecord<String, String>> topic = readAll(ALERT_TOPIC);
        Map<String, Integer> perFact = new HashMap<>();
        for (ConsumerRecord<String, String> r : topic) {
            if (ALERT_RAISED.equals(header(r, EVENT_TYPE))) {
                JsonNode e = json.readTree(r.value());
                String subject = "LICENCE_EXPIRING".equals(e.path("kind").asText()) ? e.path("driverId").asText()
                        : e.path("vehicleId").asText();
                perFact.merge(e.path("kind").asText() + ":" + subject, 1, Integer::sum);
            }
        }
        Map<String, Integer> expected = new HashMap<>();
        expiringDrivers.forEach(d -> expected.put("LICENCE_EXPIRING:" + d, 1));
        insuredVehicles.forEach(v -> expected.put("INSURANCE_EXPIRING:" + v, 1));
        assertThat(perFact).as("AlertRaised per licence and per policy").isEqualTo(expected);
        assertNoEventIdTwice(topic);
        long outboxRows = count("fleet-service", "SELECT COUNT(*) FROM outbox_event WHERE topic = ?", ALERT_TOPIC);
        assertThat((long) topic.size()).as("records on the topic = outbox rows").isEqualTo(outboxRows);
        record("fleet: expiry job", String.format(Locale.ROOT, "%d licences and %d policies ending in 10 days: %d AlertRaised "
                + "(0 twice) %.1f s after registration; raised by A/B %s (job every 1 s in each)", EXPIRING, EXPIRING,
                topic.size(), alertedAfter, jobSplit("fleet-service", "Expiry check: ")));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static String agentSubject(int n) {
        return "mi-hotline-agent-" + n;
    }

    private String agentToken(int n) {
        return tokens.forRoleAs("HOTLINE_AGENT", agentSubject(n), "热线坐席" + n + "（多实例测试）");
    }

    private static String workOrder(String content) {
        return """
                {"type":"COMPLAINT","channel":"PHONE","category":"市容环境","content":"%s",
                 "callerName":"陈先生","callerPhone":"13800138000","urgency":"NORMAL"}"""
                .formatted(content + " " + UUID.randomUUID());
    }

    private String vehicle(String base, String manager, int serial) throws Exception {
        var r = post(base, "/api/fleet/vehicles", manager, """
                {"plate":"粤X7%04d","vehicleClass":"GENERAL_OFFICIAL","category":"PLATFORM","marked":true,"seats":5,
                 "tankLitres":55,"fuelPer100kmNorm":8.5,"odometerKm":48210}""".formatted(serial));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body()).path("id").asText();
    }

    private String driver(String base, String manager, int serial, String licenceExpiresOn) throws Exception {
        var r = post(base, "/api/fleet/drivers", manager, """
                {"name":"司机%d","phone":"13900001111","licenceNumber":"44060619800107%04d","licenceClass":"C1",
                 "licenceExpiresOn":"%s"}""".formatted(serial, serial, licenceExpiresOn));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body()).path("id").asText();
    }

    /** A document.SupervisionCompleted in the contract's golden shape, for a work order (key: the task id). */
    private ProducerRecord<String, String> supervisionCompleted(JsonNode golden, String workOrderId, int i) throws Exception {
        ObjectNode event = golden.deepCopy();
        UUID eventId = UUID.randomUUID();
        UUID taskId = UUID.randomUUID();
        LocalDate today = LocalDate.now(SHANGHAI);
        event.put("eventId", eventId.toString());
        event.put("occurredAt", Instant.now().toString());
        event.put("jurisdiction", TOWN);
        event.put("taskId", taskId.toString());
        event.put("originType", "hotline.work-order");
        event.put("originId", workOrderId);
        event.put("title", "超期工单督办 #" + i);
        event.put("ownerDepartment", "城市管理办");
        event.put("deadline", today.plusDays(5).toString());
        event.put("completedOn", today.toString());
        event.put("onTime", true);
        event.put("evidence", "已现场整改 #" + i);
        var record = new ProducerRecord<>(SUPERVISION_TOPIC, taskId.toString(), json.writeValueAsString(event));
        record.headers().add(EVENT_TYPE, SUPERVISION_COMPLETED.getBytes(UTF_8));
        record.headers().add(EVENT_ID, eventId.toString().getBytes(UTF_8));
        return record;
    }

    private volatile double lastOverdueSpread;

    /**
     * The operator simulates time: moves the rows' due date three days into the past, {@code chunk} rows at a time
     * every 250 ms (version bumped like any write), so the jobs of both instances find rows to act on.
     */
    private int makeOverdue(String module, String table, List<String> ids, int chunk) throws Exception {
        LocalDate past = LocalDate.now(SHANGHAI).minusDays(3);
        long t0 = System.nanoTime();
        int moved = 0;
        for (int from = 0; from < ids.size(); from += chunk) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + chunk));
            moved += update(module, "UPDATE " + table + " SET due_date = ?, version = version + 1 WHERE id IN ("
                    + placeholders(part.size()) + ")", concat(past, part));
            Thread.sleep(250);
        }
        lastOverdueSpread = seconds(t0);
        return moved;
    }

    /** "A/B" sums of the counts a job logged ("Deadline check: 12 …") in each instance's log, e.g. "31/29". */
    private String jobSplit(String module, String prefix) throws IOException {
        List<String> sums = new ArrayList<>();
        for (String name : List.of(module, module + "-b")) {
            long sum = 0;
            Path log = stack.settings().logs().resolve(name + ".log");
            var m = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(prefix) + "(\\d+)")
                    .matcher(Files.exists(log) ? Files.readString(log) : "");
            while (m.find()) {
                sum += Long.parseLong(m.group(1));
            }
            sums.add(Long.toString(sum));
        }
        return String.join("/", sums);
    }

    private long supervisionNotes() throws SQLException {
        return count("hotline-service", "SELECT COUNT(*) FROM work_order_transition WHERE note LIKE '督办完成%'");
    }

    /** member (client id @ host) → partitions of the supervision topic it holds. */
    private static Map<String, Set<Integer>> assignment(Admin admin, String group) throws Exception {
        ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS).get(group);
        Map<String, Set<Integer>> result = new TreeMap<>();
        for (MemberDescription m : d.members()) {
            result.put(m.consumerId(), m.assignment().topicPartitions().stream()
                    .filter(tp -> tp.topic().equals(SUPERVISION_TOPIC)).map(TopicPartition::partition)
                    .collect(Collectors.toCollection(java.util.TreeSet::new)));
        }
        return result;
    }

    /** Every record on the topic now (all partitions, from the beginning up to the end offsets). */
    private List<ConsumerRecord<String, String>> readAll(String topic) {
        return StackChecks.readAll(stack.broker().bootstrapServers(), topic);
    }

    /** id (from the payload field) → event type → how many records. */
    private Map<String, Map<String, Integer>> countByTypeAndField(List<ConsumerRecord<String, String>> records, String field)
            throws IOException {
        Map<String, Map<String, Integer>> result = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            String id = json.readTree(r.value()).path(field).asText();
            result.computeIfAbsent(id, k -> new HashMap<>()).merge(header(r, EVENT_TYPE), 1, Integer::sum);
        }
        return result;
    }

    private static void assertNoEventIdTwice(List<ConsumerRecord<String, String>> records) {
        Map<String, Long> ids = records.stream().collect(Collectors.groupingBy(r -> header(r, EVENT_ID), Collectors.counting()));
        assertThat(ids.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey))
                .as("event-ids on %s more than once", records.isEmpty() ? "?" : records.get(0).topic()).isEmpty();
        assertThat(ids).doesNotContainKey(null);
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        return StackChecks.header(r, name);
    }

    private void awaitOutboxEmpty(String module) {
        await(module + " outbox sent").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).until(() ->
                count(module, "SELECT COUNT(*) FROM outbox_event WHERE published_at IS NULL") == 0);
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker().bootstrapServers()));
    }

    private KafkaProducer<String, String> producer() {
        return StackChecks.producer(stack.broker().bootstrapServers());
    }

    private long count(String module, String sql, Object... params) throws SQLException {
        return StackChecks.count(stack.database(), schemas.get(module), sql, params);
    }

    private int update(String module, String sql, List<Object> params) throws SQLException {
        try (Connection c = stack.database().connect(schemas.get(module)); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            return s.executeUpdate();
        }
    }

    private static List<Object> concat(Object first, Collection<String> rest) {
        List<Object> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    private interface Task<T> {
        T run(int i) throws Exception;
    }

    /** Runs {@code n} tasks on the pool and returns their results in index order. */
    private <T> List<T> inParallel(int n, Task<T> task) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(pool.submit(() -> task.run(index)));
        }
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(5, TimeUnit.MINUTES));
        }
        return results;
    }

    private void runAll(List<Callable<Void>> tasks) throws Exception {
        inParallel(tasks.size(), i -> tasks.get(i).call());
    }

    private HttpResponse<String> post(String base, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token);
        if (body == null) {
            b.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return send(b);
    }

    private HttpResponse<String> get(String base, String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    }

    private void record(String what, String figure) {
        measured.put(what, figure);
        System.out.println("[multi-instance] " + what + ": " + figure);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
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
