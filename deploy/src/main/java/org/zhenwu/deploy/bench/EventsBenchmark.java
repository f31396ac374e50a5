package org.zhenwu.deploy.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


/**
 * From a business commit to the handler in another service: a hotline work order is accepted (the order and its
 * {@code hotline.WorkOrderCreated} event commit together in the outbox), the relay sends it, document-service's
 * annual report counts it (its inbox row is written in the counting transaction). Per event, the event's own
 * {@code occurredAt} against the inbox row's {@code received_at} (both on this machine's clock, microseconds), beside
 * Apache Kafka's own {@code EndToEndLatency} tool on the same broker in the same run. Then the write throughput of the
 * same endpoint with the outbox on and off (the benchmark-only profile {@code benchmark-outbox-off}).
 * Run by {@code deploy/bench/events.sh}.
 */
public final class EventsBenchmark {

    /** contracts' HotlineTopics.WORK_ORDER_EVENTS (deploy depends on neither contracts nor platform). */
    static final String HOTLINE_TOPIC = "hotline.work-order.v1";
    static final int WARM_UP_ORDERS = 20;
    /** platform's DiscardingOutbox.PROFILE. */
    static final String OUTBOX_OFF_PROFILE = "benchmark-outbox-off";
    private static final Pattern KAFKA_PERCENTILES = Pattern.compile("50th = (\\d+), 99th = (\\d+), 99.9th = (\\d+)");
    private static final Pattern KAFKA_AVERAGE = Pattern.compile("Avg latency: ([0-9.]+) ms");

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("events", 200);
        double eventRate = Double.parseDouble(System.getProperty("eventRate", "10"));
        int kafkaMessages = Integer.getInteger("kafkaMessages", 1000);
        int clients = Integer.getInteger("clients", 16);
        Duration warmup = Duration.ofSeconds(Long.getLong("warmup", 3));
        Duration measure = Duration.ofSeconds(Long.getLong("seconds", 16));
        try (BenchStack stack = BenchStack.start(Set.of("hotline-service", "document-service"), Map.of(), Map.of())) {
            HttpClient http = Load.client();
            List<String> tokens = Bench.agentTokens(40);
            String hotline = stack.url("hotline-service");
            String load = Bench.quietMoment(2.0);

            // 1. the event path, one order at a time in an open loop (as calls arrive), after a short warm-up
            Bench.createWorkOrders(http, hotline, tokens, WARM_UP_ORDERS);
            Load.Result intake = Load.openLoop(creations(hotline, tokens), eventRate, Duration.ZERO,
                    Duration.ofMillis((long) (events / eventRate * 1000)));
            long expected = WARM_UP_ORDERS + intake.done();
            Latencies path = eventPath(stack, expected);

            // 2. the broker's own floor: one message at a time, producer acks=all, consumer polling without wait
            Kafka kafka = kafkaEndToEnd(stack.bootstrapServers(), kafkaMessages, path.averagePayloadBytes);

            // 3. write throughput, outbox on and off: a second hotline-service instance with the benchmark-only
            // profile, both measured in turns; document-service stopped so that only the writing side counts
            stack.stop("document-service");
            String hotlineOff = stack.startSecondInstance("hotline-service",
                    // no relay either: it has nothing to send, and must not send the first instance's rows
                    Map.of("SPRING_PROFILES_ACTIVE", "dev," + OUTBOX_OFF_PROFILE,
                            "ZHENWU_OUTBOX_RELAY_ENABLED", "false"));
            List<Load.Calls> targets = List.of(creations(hotline, tokens), creations(hotlineOff, tokens));
            List<Load.Result> onOff = Load.interleaved(targets,
                    (calls, window) -> Load.closedLoop(calls, clients, Duration.ZERO, window),
                    warmup, measure, 8);
            Load.Result on = onOff.get(0);
            Load.Result off = onOff.get(1);

            String row = "| " + Bench.now() + " | " + load + " | " + path.count
                    + " | " + Bench.f1(path.total.ms(.5)) + " / " + Bench.f1(path.total.ms(.99))
                    + " | " + Bench.f1(path.relay.ms(.5)) + " / " + Bench.f1(path.relay.ms(.99))
                    + " | " + kafka.messages + " | " + kafka.p50 + " / " + kafka.p99
                    + " | **" + Bench.f1(path.total.ms(.99) - kafka.p99) + "**"
                    + " | " + clients + " | " + Bench.f1(on.perSecond()) + " (" + Bench.p50p99(on) + ")"
                    + " | " + Bench.f1(off.perSecond()) + " (" + Bench.p50p99(off) + ")"
                    + " | **" + Bench.f2(on.perSecond() / off.perSecond()) + "**"
                    + " | " + (intake.errors() + on.errors() + off.errors()) + " |";
            Bench.appendRows("events.md", HEAD, List.of(row));
        }
    }

    private static Load.Calls creations(String base, List<String> tokens) {
        return n -> Load.Call.post("intake", base + "/api/hotline/work-orders", tokens.get((int) (n % tokens.size())),
                Bench.workOrder(n));
    }

    record Latencies(int count, Load.Result total, Load.Result relay, int averagePayloadBytes) { }

    /**
     * Waits until the report has counted every order, then per event: {@code occurredAt} (in the payload, hotline's
     * clock) to the inbox row's {@code received_at} (MariaDB's clock, microseconds; both this machine's). The broker
     * record's timestamp (set by the relay's producer when it sends, whole ms) splits that into the relay's part and
     * the broker-and-handler part. Connector/J drops the fractions of {@code published_at}, so that column is not used.
     */
    private static Latencies eventPath(BenchStack stack, long expected) throws SQLException, InterruptedException {
        String hotline = stack.schema("hotline-service");
        String document = stack.schema("document-service");
        try (Connection db = stack.connect("document-service"); Statement sql = db.createStatement()) {
            sql.execute("SET time_zone = '+00:00'");
            long counted = 0;
            for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60); System.nanoTime() < deadline; ) {
                try (ResultSet r = sql.executeQuery("SELECT COUNT(*) FROM inbox_event WHERE consumer = "
                        + "'document-service.report'")) {
                    r.next();
                    counted = r.getLong(1);
                }
                if (counted >= expected) {
                    break;
                }
                Thread.sleep(200);
            }
            if (counted < expected) {
                throw new IllegalStateException("the report counted " + counted + " of " + expected + " orders");
            }
            Map<String, Long> sentAt = sendTimes(stack.bootstrapServers());
            List<Long> total = new ArrayList<>();
            List<Long> relay = new ArrayList<>();
            long bytes = 0;
            try (ResultSet r = sql.executeQuery("SELECT o.event_id, JSON_VALUE(o.payload, '$.occurredAt'),"
                    + " DATE_FORMAT(i.received_at, '%Y-%m-%dT%H:%i:%s.%fZ'), LENGTH(o.payload)"
                    + " FROM `" + hotline + "`.outbox_event o JOIN `" + document + "`.inbox_event i"
                    + " ON i.event_id = o.event_id AND i.consumer = 'document-service.report'"
                    + " WHERE o.event_type = 'hotline.WorkOrderCreated' ORDER BY o.id")) {
                int skip = WARM_UP_ORDERS;
                while (r.next()) {
                    if (skip-- > 0) {
                        continue;
                    }
                    Instant occurred = Instant.parse(r.getString(2));
                    Instant received = Instant.parse(r.getString(3));
                    total.add(Duration.between(occurred, received).toNanos());
                    Long sent = sentAt.get(r.getString(1));
                    if (sent != null) {
                        relay.add(Duration.between(occurred, Instant.ofEpochMilli(sent)).toNanos());
                    }
                    bytes += r.getLong(4);
                }
            }
            return new Latencies(total.size(), sorted(total), sorted(relay), (int) (bytes / Math.max(1, total.size())));
        }
    }

    /** event id → the record's timestamp on the hotline topic (CreateTime: when the relay's producer sent it). */
    private static Map<String, Long> sendTimes(String bootstrap) {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap,
                "key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer",
                "value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        Map<String, Long> sent = new java.util.HashMap<>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]>(config)) {
            var partitions = consumer.partitionsFor(HOTLINE_TOPIC).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    var id = record.headers().lastHeader("event-id");
                    if (id != null) {
                        sent.put(new String(id.value(), StandardCharsets.UTF_8), record.timestamp());
                    }
                }
            }
        }
        return sent;
    }

    private static Load.Result sorted(List<Long> nanos) {
        long[] sortedNanos = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Load.Result(1, nanos.size(), 0, sortedNanos, Map.of());
    }

    record Kafka(int messages, String average, long p50, long p99) { }

    /** {@code org.apache.kafka.tools.EndToEndLatency} in a child JVM on the same broker; percentiles in whole ms. */
    private static Kafka kafkaEndToEnd(String bootstrap, int messages, int size)
            throws IOException, InterruptedException {
        String launcher = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(launcher, "-XX:+UseSerialGC", "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), "org.apache.kafka.tools.EndToEndLatency",
                bootstrap, "bench.end-to-end-latency", Integer.toString(messages), "all", Integer.toString(size)));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("EndToEndLatency failed:\n" + out);
        }
        Matcher percentiles = KAFKA_PERCENTILES.matcher(out);
        Matcher average = KAFKA_AVERAGE.matcher(out);
        if (!percentiles.find() || !average.find()) {
            throw new IllegalStateException("EndToEndLatency printed no percentiles:\n" + out);
        }
        System.out.println("EndToEndLatency: avg " + average.group(1) + " ms, " + percentiles.group());
        return new Kafka(messages, average.group(1), Long.parseLong(percentiles.group(1)),
                Long.parseLong(percentiles.group(2)));
    }

    static final String HEAD = """
            # Events end to end, and the outbox's cost on a write

            Command: `deploy/bench/events.sh` (options `-Devents=200 -DeventRate=10 -DkafkaMessages=1000 -Dclients=16
            -Dseconds=16`). It starts Kafka, MariaDB's bench schemas, hotline-service and document-service as in the dev
            stack (`java -jar`, lean flags) and, from a second JVM on loopback:
            1. **Event path**: accepts work orders (`POST /api/hotline/work-orders` straight to hotline-service, open
               loop at 10/s, as calls arrive) after 20 for warm-up. Each order and its `hotline.WorkOrderCreated` commit
               in one transaction (outbox); the relay sends it; document-service's annual report counts it, claiming the
               event in its inbox in the counting transaction. Per event: the event's `occurredAt` (hotline's clock) to
               the inbox row's `received_at` (MariaDB's clock, same machine), in ms p50 / p99; "of which relay" is
               `occurredAt` to the Kafka record's timestamp (when the outbox relay's producer sent it, whole ms); the
               rest is the broker, the consumer's poll and the handler's transaction up to its inbox row.
            2. **Baseline**: Apache Kafka's own `org.apache.kafka.tools.EndToEndLatency` (kafka-tools, the broker's
               version) on the same broker: one message at a time of the events' average size, producer `acks=all`,
               consumer polling with `fetch.max.wait.ms=0`; it reports whole milliseconds. Goal: event p99 ≤ Kafka p99 +
               50 ms (the "p99 − Kafka p99" column).
            3. **Outbox on / off**: the same endpoint, closed loop, on hotline-service as it is and on a second instance
               (same schema and broker) started with the benchmark-only profile `benchmark-outbox-off`
               (`DiscardingOutbox`: drops every event; refused outside the dev and test profiles), measured in turns (8
               windows of 2 s each); document-service stopped so only the writing side counts. Goal: on ≥ 0.7× off.

            | when (UTC) | load avg | events | event path p50 / p99 | of which relay p50 / p99 | Kafka messages \
            | Kafka p50 / p99 | p99 − Kafka p99 (ms) | clients | outbox on req/s (p50 / p99) \
            | outbox off req/s (p50 / p99) | on ÷ off | errors |
            |---|---|---|---|---|---|---|---|---|---|---|---|---|
            """;
}
