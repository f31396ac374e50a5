package org.zhenwu.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.zhenwu.deploy.StackChecks.column;
import static org.zhenwu.deploy.StackChecks.header;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Services killed with SIGKILL (issue #10): a real KRaft broker, MySQL/MariaDB, and hotline-service and
 * document-service as {@code java -jar} processes on free ports of their own (and the broker's) with fresh
 * {@code zhenwu_crash_*} schemas. Agents file work orders (受理) and merge duplicates (并单) on the hotline; the office's
 * annual summary counts them from {@code hotline.work-order.v1}.
 * <ol>
 *   <li>the hotline is killed while agents are filing: no work order it acknowledged (201) is lost, and every event of
 *       every committed order reaches the topic exactly once after the restart. Its first life runs without the outbox
 *       relay, so every row committed before the kill is still unsent when it dies: the crash lands between commit and
 *       send for all of them, not by luck;</li>
 *   <li>document-service is killed mid-stream while a burst of hotline events flows and every event is delivered a
 *       second time on purpose: after its restart the summary counts each order once (created minus merged = the
 *       hotline's own figure), the inbox holds one row per event id, and each order's 受理 was taken before its 并单.</li>
 * </ol>
 * Runs in {@code verify} (failsafe) after the two service jars are packaged; figures in docs/reliability.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryTest {

    // names from the contracts module; deploy does not depend on it
    private static final String TOPIC = "hotline.work-order.v1";
    private static final String CREATED = "hotline.WorkOrderCreated";
    private static final String MERGED = "hotline.WorkOrderMerged";
    private static final String EVENT_TYPE = "event-type";
    private static final String EVENT_ID = "event-id";
    /** Marks the test's own second copy of a record, so the copier never copies a copy. */
    private static final String COPY = "zhenwu-test-copy";
    private static final String REPORT_CONSUMER = "document-service.report";
    private static final String TOWN = DevTokens.DEV_TOWN;
    private static final String HOTLINE = "hotline-service";
    private static final String DOCUMENT = "document-service";
    private static final String RELAY_ENABLED = "ZHENWU_OUTBOX_RELAYENABLED";
    private static final Duration EVENTUALLY = Duration.ofSeconds(180);
    private static final int AGENTS = 6;
    /** Orders acknowledged before the hotline is killed. */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 60;
    /** Pairs (two orders, the second merged into the first) filed in the burst document-service is killed in. */
    private static final int BURST_PAIRS = 90;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final DevTokens tokens = DevTokens.withDevKey();
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Map<String, String> measured = new LinkedHashMap<>();
    private final Map<String, String> schemas = new HashMap<>();
    private final Map<String, String> urls = new HashMap<>();
    private LocalStack stack;

    @BeforeAll
    void startHotlineAndDocumentService() throws Exception {
        Path root = Path.of(System.getProperty("zhenwu.repo.root", "..")).toAbsolutePath().normalize();
        Path home = root.resolve("deploy/target/crash-stack");
        deleteRecursively(home.resolve("kafka"));   // a fresh broker: the topic holds only this run's events
        List<ServiceSpec> plan = ServiceSpec.defaults().stream()
                .filter(s -> s.name().equals(HOTLINE) || s.name().equals(DOCUMENT))
                .map(s -> s.withPort(ChildProcesses.freePort())
                        .withSchema(s.schema().replace("zhenwu_", "zhenwu_crash_")))
                .toList();
        plan.forEach(s -> {
            schemas.put(s.name(), s.schema());
            urls.put(s.name(), s.url());
        });
        // free ports picked now: other stacks (dev, benchmarks, other test runs) may share the machine
        var settings = LocalStack.Settings.devDefaults(root).isolated(home, ChildProcesses.freePort(),
                ChildProcesses.freePort(), 33307, plan, Set.of(HOTLINE, DOCUMENT));
        // first lives without the relay: the hotline's rows stay unsent until it is killed (document-service's own
        // events play no part here)
        stack = new LocalStack(settings).withServiceEnvironment(Map.of(RELAY_ENABLED, "false"))
                .withReadyTimeout(Duration.ofSeconds(Long.getLong("zhenwu.crash.ready-timeout-seconds", 300)));
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "crash-stack-stop"));   // no orphans
        long started = System.nanoTime();
        stack.startInfrastructure();
        for (String schema : schemas.values()) {
            stack.database().dropSchema(schema);
            stack.database().createSchema(schema);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try {
            stack.startServices();
        } catch (ServiceProcess.ServiceFailed e) {
            throw new AssertionError(e.getMessage() + "; last lines of " + e.service().logFile() + ":\n"
                    + e.logTail(80), e);
        }
        record("stack ready", String.format(Locale.ROOT, "%.1f s, RSS %d MB", seconds(started),
                LocalStack.childrenRssKb() / 1024));
    }

    @AfterAll
    void stopStack() {
        pool.shutdownNow();
        if (stack != null) {
            stack.close();
        }
        System.out.println("\nCrashRecoveryTest figures:");
        measured.forEach((k, v) -> System.out.println("  " + k + ": " + v));
    }

    @Test
    @Order(1)
    void hotline_killed_right_after_commits_loses_no_acknowledged_order_and_relays_every_event_once() throws Exception {
        Filing filing = new Filing(urls.get(HOTLINE), Integer.MAX_VALUE);
        List<Future<?>> agents = filing.start();
        await("orders acknowledged").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(20))
                .until(() -> filing.created.size() >= ACKNOWLEDGED_BEFORE_KILL);
        stack.services().get(HOTLINE).kill();   // kill -9 while the agents are still filing
        int acknowledgedAtKill = filing.created.size();
        for (Future<?> agent : agents) {
            agent.get(60, TimeUnit.SECONDS);   // each agent stops at its first refused request
        }
        long rows = count(HOTLINE, "SELECT COUNT(*) FROM work_order");
        long outbox = count(HOTLINE, "SELECT COUNT(*) FROM outbox_event");
        long unsent = count(HOTLINE, "SELECT COUNT(*) FROM outbox_event WHERE published_at IS NULL");
        assertThat(unsent).as("every committed event still unsent at the kill").isEqualTo(outbox).isPositive();
        Set<String> stored = new HashSet<>(column(stack.database(), schemas.get(HOTLINE), "SELECT id FROM work_order"));
        assertThat(stored).as("every acknowledged order stored").containsAll(filing.created);
        assertThat(new HashSet<>(column(stack.database(), schemas.get(HOTLINE),
                "SELECT id FROM work_order WHERE status = 'MERGED'"))).as("every acknowledged 并单 stored")
                .containsAll(filing.merged);

        long t0 = System.nanoTime();
        // a request claimed before the kill is taken for dead 5 s after its claim (2 min by default), so that the
        // resends below see what a clerk sees once that time has passed
        stack.restart(HOTLINE, Map.of(RELAY_ENABLED, "true", "ZHENWU_WEB_IDEMPOTENCY_ABANDONEDAFTER", "5s"));
        double restart = seconds(t0);
        await("outbox drained after the restart").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(200))
                .until(() -> count(HOTLINE, "SELECT COUNT(*) FROM outbox_event WHERE published_at IS NULL") == 0);
        double drained = seconds(t0);

        List<ConsumerRecord<String, String>> topic = StackChecks.readAll(bootstrap(), TOPIC);
        Map<String, Map<String, Integer>> perOrder = perOrder(topic);
        Set<String> mergedRows = new HashSet<>(column(stack.database(), schemas.get(HOTLINE),
                "SELECT id FROM work_order WHERE status = 'MERGED'"));
        for (String id : stored) {
            Map<String, Integer> types = perOrder.getOrDefault(id, Map.of());
            assertThat(types.getOrDefault(CREATED, 0)).as("WorkOrderCreated of %s", id).isEqualTo(1);
            assertThat(types.getOrDefault(MERGED, 0)).as("WorkOrderMerged of %s", id)
                    .isEqualTo(mergedRows.contains(id) ? 1 : 0);
        }
        assertThat(topic).as("records on the topic = outbox rows, none twice").hasSize((int) outbox);
        assertThat(topic.stream().map(r -> header(r, EVENT_ID)).distinct().count()).isEqualTo(outbox);
        String resends = resendUnanswered(filing);
        record("hotline killed after commits", String.format(Locale.ROOT, "%d agents filing; kill -9 after %d "
                        + "acknowledged orders (%d 并单); %d orders committed (%d of them unacknowledged: in flight at "
                        + "the kill); %d events unsent at the kill; restart %.1f s, outbox drained %.1f s after the "
                        + "restart began; %d records on the topic = %d outbox rows, 0 twice, 0 lost; %s", AGENTS,
                acknowledgedAtKill, filing.merged.size(),
                rows, rows - filing.created.size(), unsent, restart, drained, topic.size(), outbox, resends));
    }

    /**
     * What a console does after the kill: sends each request it got no answer to again, with the same Idempotency-Key.
     * One the killed instance had committed is never carried out twice: its stored answer comes back if the instance
     * had stored it, else 409 answer-lost (the key's mark committed with the order). One it had not (its key claimed
     * before the kill, nothing committed) is carried out now, once.
     */
    private String resendUnanswered(Filing filing) throws Exception {
        assertThat(filing.unanswered).as("each agent stopped at a request left without an answer").isNotEmpty();
        int replays = 0;
        int lost = 0;
        int carriedOut = 0;
        for (Unanswered u : filing.unanswered) {
            String content = u.isIntake() ? json.readTree(u.body()).path("content").asText() : null;
            String merged = u.isIntake() ? null : u.path().split("/")[4];
            boolean committed = u.isIntake()
                    ? count(HOTLINE, "SELECT COUNT(*) FROM work_order WHERE content = ?", content) == 1
                    : count(HOTLINE, "SELECT COUNT(*) FROM work_order WHERE id = ? AND status = 'MERGED'", merged) == 1;
            var again = u.send(http, urls.get(HOTLINE));
            boolean replayed = again.headers().firstValue("Idempotent-Replayed").isPresent();
            if (committed && replayed) {
                // its answer was stored before the kill but never reached the agent: it comes back now
                assertThat(again.statusCode()).as(again.body()).isIn(200, 201);
                replays++;
            } else if (committed) {
                assertThat(again.statusCode()).as("committed before the kill: %s", again.body()).isEqualTo(409);
                assertThat(again.body()).contains("idempotency-key-answer-lost");
                lost++;
            } else {
                assertThat(again.statusCode()).as("not committed before the kill: %s", again.body()).isIn(200, 201);
                assertThat(replayed).as("carried out, not replayed").isFalse();
                carriedOut++;
            }
            if (u.isIntake()) {
                assertThat(count(HOTLINE, "SELECT COUNT(*) FROM work_order WHERE content = ?", content))
                        .as("filed once").isEqualTo(1);
                if (again.statusCode() == 201) {
                    assertThat(json.readTree(again.body()).path("id").asText()).as("the answer names the one order")
                            .isEqualTo(column(stack.database(), schemas.get(HOTLINE),
                                    "SELECT id FROM work_order WHERE content = ?", content).get(0));
                }
            } else {
                assertThat(count(HOTLINE, "SELECT COUNT(*) FROM work_order WHERE id = ? AND status = 'MERGED'",
                        merged)).as("merged").isEqualTo(1);
            }
        }
        return String.format(Locale.ROOT, "%d unanswered requests resent with their keys: %d committed and answered "
                + "before the kill → the stored answer replayed, %d committed but not answered → 409 answer-lost, %d "
                + "carried out now; each done once", filing.unanswered.size(), replays, lost, carriedOut);
    }

    @Test
    @Order(2)
    void document_service_killed_mid_stream_with_every_event_delivered_twice_counts_each_order_once() throws Exception {
        // what document-service had counted from part 1 before this burst began
        await("part 1 counted").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .until(() -> reportInbox() == StackChecks.readAll(bootstrap(), TOPIC).size());
        long before = reportInbox();

        AtomicBoolean copying = new AtomicBoolean(true);
        AtomicLong copies = new AtomicLong();
        java.util.concurrent.CountDownLatch positioned = new java.util.concurrent.CountDownLatch(1);
        Future<?> copier = pool.submit(() -> copyEveryNewRecordOnce(copying, copies, positioned));
        assertThat(positioned.await(60, TimeUnit.SECONDS)).as("copier positioned at the end of the topic").isTrue();
        Filing filing = new Filing(urls.get(HOTLINE), BURST_PAIRS);
        long t0 = System.nanoTime();
        List<Future<?>> agents = filing.start();
        // kill -9 mid-stream: some of the burst counted, most of it still to come
        await("document-service counting the burst").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(20))
                .until(() -> reportInbox() >= before + 30);
        stack.services().get(DOCUMENT).kill();
        long countedAtKill = reportInbox() - before;
        assertThat(countedAtKill).as("killed mid-stream, not after the burst").isLessThan(3L * BURST_PAIRS);
        double killedAfter = seconds(t0);
        Map<TopicPartition, OffsetAndMetadata> committed = committedOffsets();
        for (Future<?> agent : agents) {
            agent.get(5, TimeUnit.MINUTES);
        }
        assertThat(filing.failures).as("the hotline refused nothing").isEmpty();
        await("hotline outbox drained").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(200))
                .until(() -> count(HOTLINE, "SELECT COUNT(*) FROM outbox_event WHERE published_at IS NULL") == 0);

        long t1 = System.nanoTime();
        stack.restart(DOCUMENT, Map.of());
        double restart = seconds(t1);
        List<ConsumerRecord<String, String>> originals = new ArrayList<>();
        await("every record copied once").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).until(() -> {
            originals.clear();
            StackChecks.readAll(bootstrap(), TOPIC).stream().filter(r -> header(r, COPY) == null)
                    .forEach(originals::add);
            return copies.get() >= originals.size() - partOneRecords;
        });
        copying.set(false);
        copier.get(30, TimeUnit.SECONDS);
        long distinctEvents = originals.stream().map(r -> header(r, EVENT_ID)).distinct().count();
        await("every event counted").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500))
                .until(() -> reportInbox() >= distinctEvents);
        double caughtUp = seconds(t1);
        Thread.sleep(3_000);   // any late second count would land now

        long open = count(HOTLINE, "SELECT COUNT(*) FROM work_order WHERE status <> 'MERGED'");
        long merged = count(HOTLINE, "SELECT COUNT(*) FROM work_order WHERE status = 'MERGED'");
        long figure = count(DOCUMENT, "SELECT COALESCE(SUM(work_orders), 0) FROM hotline_month WHERE town_code = ?",
                TOWN);
        long byType = count(DOCUMENT,
                "SELECT COALESCE(SUM(work_orders), 0) FROM hotline_month_type WHERE town_code = ?", TOWN);
        assertThat(reportInbox()).as("one inbox row per event id").isEqualTo(distinctEvents);
        assertThat(figure).as("the summary's work orders = the hotline's orders not merged").isEqualTo(open);
        assertThat(byType).as("the same by type").isEqualTo(open);
        assertThat(copies.get()).as("every event of the burst delivered twice")
                .isEqualTo(originals.size() - partOneRecords);

        // per order, its 受理 was counted before its 并单 (one partition per order, taken in order)
        Map<String, String> takenAt = new HashMap<>();
        for (String row : column(stack.database(), schemas.get(DOCUMENT), "SELECT CONCAT(event_id, ' ', "
                + "DATE_FORMAT(received_at, '%Y%m%d%H%i%s%f')) FROM inbox_event WHERE consumer = ?", REPORT_CONSUMER)) {
            takenAt.put(row.substring(0, 36), row.substring(37));
        }
        Map<String, Map<String, String>> eventOf = new HashMap<>();   // order → type → event id
        for (ConsumerRecord<String, String> r : originals) {
            eventOf.computeIfAbsent(json.readTree(r.value()).path("workOrderId").asText(), k -> new HashMap<>())
                    .put(header(r, EVENT_TYPE), header(r, EVENT_ID));
        }
        int checked = 0;
        for (var e : eventOf.entrySet()) {
            String createdAt = takenAt.get(e.getValue().get(CREATED));
            String mergedAt = e.getValue().containsKey(MERGED) ? takenAt.get(e.getValue().get(MERGED)) : null;
            if (mergedAt != null) {
                assertThat(createdAt).as("受理 of %s counted before its 并单", e.getKey()).isLessThanOrEqualTo(mergedAt);
                checked++;
            }
        }
        assertThat((long) checked).isEqualTo(merged);
        record("document-service killed mid-stream", String.format(Locale.ROOT, "burst of %d pairs (%d events, each "
                        + "sent twice: %d copies); kill -9 %.1f s into the burst after %d of it were counted; offsets "
                        + "committed at the kill %s; restart %.1f s, all counted %.1f s after the restart began; "
                        + "summary %d = hotline %d orders not merged (%d merged); %d inbox rows = %d distinct events; "
                        + "受理 before 并单 in %d orders",
                BURST_PAIRS, 3 * BURST_PAIRS, copies.get(), killedAfter, countedAtKill, committed.values().stream()
                        .mapToLong(OffsetAndMetadata::offset).sum(), restart, caughtUp, figure, open, merged,
                reportInbox(), distinctEvents, checked));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Records on the topic when part 2 began (part 1's, sent once): the copier starts after them. */
    private volatile long partOneRecords;

    /** Re-sends every record that arrives on the topic from now on once more, same key, value and headers. */
    private void copyEveryNewRecordOnce(AtomicBoolean copying, AtomicLong copies,
                                        java.util.concurrent.CountDownLatch positioned) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
             KafkaProducer<String, String> producer = StackChecks.producer(bootstrap())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(TOPIC, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);   // fix the start now, before the burst
            partOneRecords = consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
            positioned.countDown();
            while (copying.get()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (header(r, COPY) != null) {
                        continue;
                    }
                    var copy = new ProducerRecord<>(TOPIC, r.key(), r.value());
                    r.headers().forEach(h -> copy.headers().add(h.key(), h.value()));
                    copy.headers().add(COPY, "1".getBytes(StandardCharsets.UTF_8));
                    producer.send(copy);
                    copies.incrementAndGet();
                }
                producer.flush();
            }
        }
    }

    /**
     * {@value #AGENTS} agents file pairs of work orders and merge the second of each pair into the first (并单), until
     * {@code pairs} pairs are filed or the hotline refuses a request (it was killed): acknowledged writes only count.
     */
    private final class Filing {
        final String base;
        final int pairs;
        final Set<String> created = ConcurrentHashMap.newKeySet();
        final Set<String> merged = ConcurrentHashMap.newKeySet();
        final List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        /** The request each agent got no answer to (the kill), with its Idempotency-Key, to send again. */
        final List<Unanswered> unanswered = new java.util.concurrent.CopyOnWriteArrayList<>();
        final AtomicLong next = new AtomicLong();

        Filing(String base, int pairs) {
            this.base = base;
            this.pairs = pairs;
        }

        List<Future<?>> start() {
            List<Future<?>> agents = new ArrayList<>();
            for (int a = 0; a < AGENTS; a++) {
                String token = tokens.forRoleAs("HOTLINE_AGENT", "crash-agent-" + a, "热线坐席" + a);
                agents.add(pool.submit(() -> {
                    while (next.getAndIncrement() < pairs) {
                        try {
                            String first = file(token);
                            String second = file(token);
                            var r = post("/api/hotline/work-orders/" + second + "/merge", token,
                                    "{\"into\":\"" + first + "\"}");
                            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                            merged.add(second);
                        } catch (IOException refused) {
                            failures.add(refused.toString());
                            return null;
                        }
                    }
                    return null;
                }));
            }
            return agents;
        }

        private String file(String token) throws IOException, InterruptedException {
            var r = post("/api/hotline/work-orders", token, """
                    {"type":"COMPLAINT","channel":"PHONE","category":"市容环境","content":"占道经营 %s",
                     "callerName":"陈先生","callerPhone":"13800138000","urgency":"NORMAL"}"""
                    .formatted(UUID.randomUUID()));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            String id = json.readTree(r.body()).path("id").asText();
            created.add(id);
            return id;
        }

        /** Sent as a console sends it: with a new Idempotency-Key. */
        private HttpResponse<String> post(String path, String token, String body) throws IOException,
                InterruptedException {
            Unanswered request = new Unanswered(path, token, body, UUID.randomUUID().toString());
            try {
                return request.send(http, base);
            } catch (IOException noAnswer) {
                unanswered.add(request);
                throw noAnswer;
            }
        }
    }

    private record Unanswered(String path, String token, String body, String key) {
        HttpResponse<String> send(HttpClient http, String base) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        boolean isIntake() {
            return path.equals("/api/hotline/work-orders");
        }
    }

    /** order id → event type → records. */
    private Map<String, Map<String, Integer>> perOrder(List<ConsumerRecord<String, String>> records)
            throws IOException {
        Map<String, Map<String, Integer>> result = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            String id = json.readTree(r.value()).path("workOrderId").asText();
            result.computeIfAbsent(id, k -> new HashMap<>()).merge(header(r, EVENT_TYPE), 1, Integer::sum);
        }
        return result;
    }

    private Map<TopicPartition, OffsetAndMetadata> committedOffsets() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            Map<TopicPartition, OffsetAndMetadata> all = admin.listConsumerGroupOffsets(DOCUMENT)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> ours = new HashMap<>();
            all.forEach((tp, o) -> {
                if (tp.topic().equals(TOPIC) && o != null) {
                    ours.put(tp, o);
                }
            });
            return ours;
        }
    }

    private long reportInbox() throws SQLException {
        return count(DOCUMENT, "SELECT COUNT(*) FROM inbox_event WHERE consumer = ?", REPORT_CONSUMER);
    }

    private long count(String service, String sql, Object... params) throws SQLException {
        return StackChecks.count(stack.database(), schemas.get(service), sql, params);
    }

    private String bootstrap() {
        return stack.broker().bootstrapServers();
    }

    private void record(String what, String figure) {
        measured.put(what, figure);
        System.out.println("[crash] " + what + ": " + figure);
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
