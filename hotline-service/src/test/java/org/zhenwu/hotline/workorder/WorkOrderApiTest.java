package org.zhenwu.hotline.workorder;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.contracts.EventHeaders;
import org.zhenwu.contracts.hotline.v1.HotlineTopics;
import org.zhenwu.contracts.hotline.v1.WorkOrderCreated;
import org.zhenwu.hotline.stats.FigureRollupService;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.SharedKafka;
import org.zhenwu.platform.test.TestTokens;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ZhenwuIntegrationTest
class WorkOrderApiTest {
    static final String LECONG = "440606104";
    static final String BEIJIAO = "440606105";
    static final String COMPLAINT = """
            {"type":"COMPLAINT","channel":"PHONE","category":"城市管理/占道经营","callerName":"张三",
             "callerPhone":"13800001234","location":"乐从镇河滨路","content":"门口长期占道经营"}""";

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FigureRollupService rollups;

    Api agent(String town) {
        return new Api(port).as(TestTokens.tokenWith("agent-" + town, town, "12345热线", "NONE", "HOTLINE_AGENT"));
    }

    JsonNode created(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return json.readTree(r.body());
    }

    @Test
    void an_accepted_complaint_gets_a_number_a_working_day_deadline_an_audit_line_and_one_event() {
        JsonNode order = created(agent(LECONG).post("/api/hotline/work-orders", COMPLAINT));
        assertThat(order.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(order.get("town").asString()).isEqualTo(LECONG);
        assertThat(order.get("orderNumber").asString()).matches(LECONG + "-\\d{8}-\\d{5}");
        assertThat(order.get("dueDate").asString()).isNotBlank();

        String id = order.get("id").asString();
        JsonNode read = json.readTree(agent(LECONG).get("/api/hotline/work-orders/" + id).body());
        assertThat(read.get("transitions")).hasSize(1);
        assertThat(read.get("transitions").get(0).get("to").asString()).isEqualTo("ACCEPTED");

        ConsumerRecord<String, String> event = consumeOne(id);
        assertThat(new String(event.headers().lastHeader(EventHeaders.EVENT_TYPE).value(), UTF_8))
                .isEqualTo(WorkOrderCreated.TYPE);
        WorkOrderCreated created = json.readValue(event.value(), WorkOrderCreated.class);
        assertThat(created.jurisdiction()).isEqualTo(LECONG);
        assertThat(created.orderType()).isEqualTo("COMPLAINT");
        assertThat(new String(event.headers().lastHeader(EventHeaders.EVENT_ID).value(), UTF_8))
                .isEqualTo(created.eventId().toString());
    }

    @Test
    void bad_input_names_the_field_and_writes_nothing() {
        long before = count();
        Api.Response missing = agent(LECONG).post("/api/hotline/work-orders", """
                {"type":"COMPLAINT","channel":"PHONE","category":"x"}""");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.isProblem()).isTrue();
        assertThat(missing.body()).contains("\"field\":\"content\"");

        Api.Response badEnum = agent(LECONG).post("/api/hotline/work-orders",
                COMPLAINT.replace("\"COMPLAINT\"", "\"GRUMBLE\""));
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(badEnum.body()).contains("\"field\":\"type\"");

        Api.Response badPhone = agent(LECONG).post("/api/hotline/work-orders",
                COMPLAINT.replace("13800001234", "call me maybe"));
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.body()).contains("\"field\":\"callerPhone\"");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void dispatching_twice_is_409_with_the_current_status() {
        String id = created(agent(LECONG).post("/api/hotline/work-orders", COMPLAINT)).get("id").asString();
        Api.Response first = agent(LECONG).post("/api/hotline/work-orders/" + id + "/dispatch", "{\"department\":\"城市管理办\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(json.readTree(first.body()).get("status").asString()).isEqualTo("DISPATCHED");

        Api.Response second = agent(LECONG).post("/api/hotline/work-orders/" + id + "/dispatch", "{\"department\":\"城市管理办\"}");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.isProblem()).isTrue();
        assertThat(json.readTree(second.body()).get("currentStatus").asString()).isEqualTo("DISPATCHED");
    }

    @Test
    void another_towns_order_does_not_exist_for_you_and_the_district_sees_all() {
        String id = created(agent(LECONG).post("/api/hotline/work-orders", COMPLAINT)).get("id").asString();
        assertThat(agent(BEIJIAO).get("/api/hotline/work-orders/" + id).status()).isEqualTo(404);
        assertThat(agent(BEIJIAO).get("/api/hotline/work-orders?town=" + LECONG).status()).isEqualTo(403);

        Api district = new Api(port).as(TestTokens.token("district", "DISTRICT", "DISTRICT_ADMIN"));
        assertThat(district.get("/api/hotline/work-orders/" + id).status()).isEqualTo(200);
        assertThat(district.post("/api/hotline/work-orders", COMPLAINT).status()).as("district must name the town").isEqualTo(400);
    }

    @Test
    void departments_see_a_masked_phone_and_nothing_of_a_confidential_caller() {
        String open = created(agent(LECONG).post("/api/hotline/work-orders", COMPLAINT)).get("id").asString();
        String secret = created(agent(LECONG).post("/api/hotline/work-orders",
                COMPLAINT.replace("\"callerName\"", "\"callerConfidential\":true,\"callerName\""))).get("id").asString();
        for (String id : new String[] {open, secret}) {
            agent(LECONG).post("/api/hotline/work-orders/" + id + "/dispatch", "{\"department\":\"城市管理办\"}");
        }
        Api handler = new Api(port).as(TestTokens.tokenWith("handler", LECONG, "城市管理办", "NONE", "DEPARTMENT_HANDLER"));

        JsonNode masked = json.readTree(handler.get("/api/hotline/work-orders/" + open).body());
        assertThat(masked.get("callerPhone").asString()).isEqualTo("138****1234");
        JsonNode hidden = json.readTree(handler.get("/api/hotline/work-orders/" + secret).body());
        assertThat(hidden.get("callerPhone").isNull()).isTrue();
        assertThat(hidden.get("callerName").isNull()).isTrue();
    }

    @Test
    void only_agents_take_calls() {
        Api handler = new Api(port).as(TestTokens.tokenWith("handler", LECONG, "城市管理办", "NONE", "DEPARTMENT_HANDLER"));
        Api.Response r = handler.post("/api/hotline/work-orders", COMPLAINT);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.isProblem()).isTrue();
        assertThat(new Api(port).post("/api/hotline/work-orders", COMPLAINT).status()).isEqualTo(401);
    }

    @Test
    void a_list_counts_its_total_up_to_the_cap_and_says_when_there_are_more() {
        String town = "440606001";
        String run = Long.toString(System.nanoTime(), 36);
        created(agent(town).post("/api/hotline/work-orders", COMPLAINT));
        JsonNode few = json.readTree(agent(town).get("/api/hotline/work-orders?status=ACCEPTED&size=5").body());
        assertThat(few.get("totalExact").asBoolean()).isTrue();
        assertThat(few.get("total").asLong()).isEqualTo(jdbc.sql("SELECT COUNT(*) FROM work_order WHERE town_code = ? AND status = 'ACCEPTED'")
                .param(town).query(Long.class).single()).isPositive();

        // an old town's history, written behind the service's back: one more than the cap
        String digit = "(SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 "
                + "UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";
        jdbc.sql("""
                INSERT INTO work_order (id, town_code, order_number, order_type, channel, category, urgency, status, content,
                                        department, accepted_at, due_date, created_by, version)
                SELECT UUID(), ?, CONCAT('CAP-', ?, '-', n), 'HELP', 'PHONE', '供水', 'NORMAL', 'CLOSED', '旧工单', '水务所',
                       TIMESTAMP('2015-01-01 08:00:00') + INTERVAL n MINUTE, '2015-02-01', 'history', 0
                FROM (SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d AS n FROM %1$s a, %1$s b, %1$s c, %1$s e) numbers
                WHERE n < ?""".formatted(digit)).params(town, run, WorkOrderListSql.COUNT_CAP + 1).update();
        rollups.rebuildAll();

        JsonNode capped = json.readTree(agent(town).get("/api/hotline/work-orders?size=20").body());
        assertThat(capped.get("total").asLong()).isEqualTo(WorkOrderListSql.COUNT_CAP);
        assertThat(capped.get("totalExact").asBoolean()).isFalse();
        assertThat(capped.get("items")).hasSize(20);
        assertThat(capped.get("items").get(0).get("content").asString()).as("newest first").isNotEqualTo("旧工单");
        JsonNode department = json.readTree(new Api(port).as(TestTokens.tokenWith("handler-water", town, "水务所", "NONE",
                "DEPARTMENT_HANDLER")).get("/api/hotline/work-orders?status=CLOSED&page=3").body());
        assertThat(department.get("total").asLong()).isEqualTo(WorkOrderListSql.COUNT_CAP);
        assertThat(department.get("totalExact").asBoolean()).isFalse();
        assertThat(department.get("items")).hasSize(20);
        JsonNode stillExact = json.readTree(agent(town).get("/api/hotline/work-orders?status=ACCEPTED&size=5").body());
        assertThat(stillExact.get("total").asLong()).isEqualTo(few.get("total").asLong());
        assertThat(stillExact.get("totalExact").asBoolean()).isTrue();
    }

    @Test
    void order_numbers_have_no_gaps_and_no_duplicates_under_concurrent_intake() throws Exception {
        String town = "440606001";
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            calls.add(() -> json.readTree(agent(town).post("/api/hotline/work-orders", COMPLAINT).body())
                    .get("orderNumber").asString());
        }
        List<String> numbers = new ArrayList<>();
        var pool = Executors.newFixedThreadPool(6);
        try {
            for (Future<String> f : pool.invokeAll(calls)) {
                numbers.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        Set<Integer> sequences = numbers.stream().map(n -> Integer.parseInt(n.substring(n.lastIndexOf('-') + 1)))
                .collect(Collectors.toSet());
        assertThat(sequences).hasSize(12);
        assertThat(sequences.stream().mapToInt(Integer::intValue).max().orElseThrow()).isEqualTo(12);
    }

    @Test
    void the_service_is_observable() {
        Api anonymous = new Api(port);
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/prometheus").body()).contains("zhenwu_outbox_pending");
        assertThat(anonymous.get("/v3/api-docs").body()).contains("/api/hotline/work-orders");
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM work_order").query(Long.class).single();
    }

    private ConsumerRecord<String, String> consumeOne(String key) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(HotlineTopics.WORK_ORDER_EVENTS));
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no event for work order " + key);
    }
}
