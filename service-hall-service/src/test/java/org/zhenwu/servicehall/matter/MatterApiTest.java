package org.zhenwu.servicehall.matter;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.contracts.EventHeaders;
import org.zhenwu.contracts.servicehall.v1.MatterPublished;
import org.zhenwu.contracts.servicehall.v1.ServiceHallTopics;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.SharedKafka;
import org.zhenwu.platform.test.TestTokens;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ZhenwuIntegrationTest
class MatterApiTest {
    static final String LECONG = "440606104";
    static final String BEIJIAO = "440606105";
    static final String MATTERS = "/api/service-hall/matters";

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    Api clerk(String town) {
        return new Api(port).as(TestTokens.tokenWith("clerk-" + town, town, "行政服务中心", "NONE", "HALL_CLERK"));
    }

    static String matter(String code) {
        return """
                {"code":"%s","name":"城乡居民最低生活保障申请","department":"社会事务办","legalLimitDays":30,
                 "promisedLimitDays":15,"requiredMaterials":["居民身份证","户口簿","家庭收入证明"],"fee":0,
                 "channels":["ONLINE","WINDOW"]}""".formatted(code);
    }

    static String uniqueCode() {
        return "MZ-" + UUID.randomUUID().toString().substring(0, 8);
    }

    JsonNode ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return json.readTree(r.body());
    }

    String draft(Api api) {
        return ok(api.post(MATTERS, matter(uniqueCode())), 201).get("id").asString();
    }

    @Test
    void a_drafted_matter_is_offered_only_once_published_and_its_publication_is_announced_on_kafka() {
        String code = uniqueCode();
        JsonNode drafted = ok(clerk(LECONG).post(MATTERS, matter(code).replace("\"fee\":0", "\"fee\":12.5")), 201);
        String id = drafted.get("id").asString();
        assertThat(drafted.get("status").asString()).isEqualTo("DRAFT");
        assertThat(drafted.get("town").asString()).isEqualTo(LECONG);
        assertThat(drafted.get("fee").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(drafted.get("immediate").asBoolean()).isFalse();
        assertThat(outboxRowsFor(id)).as("a draft is not announced").isZero();

        JsonNode published = ok(clerk(LECONG).post(MATTERS + "/" + id + "/publication", "{}"), 200);
        assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
        JsonNode read = ok(clerk(LECONG).get(MATTERS + "/" + id), 200);
        assertThat(read.get("transitions")).hasSize(2);
        assertThat(read.get("transitions").get(1).get("to").asString()).isEqualTo("PUBLISHED");
        assertThat(read.get("requiredMaterials").values()).extracting(JsonNode::asString)
                .containsExactly("居民身份证", "户口簿", "家庭收入证明");
        assertThat(read.get("channels").values()).extracting(JsonNode::asString).containsExactly("WINDOW", "ONLINE");

        ConsumerRecord<String, String> event = consume(id, 1).get(0);
        assertThat(header(event, EventHeaders.EVENT_TYPE)).isEqualTo(MatterPublished.TYPE);
        MatterPublished announced = json.readValue(event.value(), MatterPublished.class);
        assertThat(header(event, EventHeaders.EVENT_ID)).isEqualTo(announced.eventId().toString());
        assertThat(announced.jurisdiction()).isEqualTo(LECONG);
        assertThat(announced.code()).isEqualTo(code);
        assertThat(announced.legalLimitDays()).isEqualTo(30);
        assertThat(announced.promisedLimitDays()).isEqualTo(15);
        assertThat(announced.feeFen()).isEqualTo(1250);
        assertThat(announced.channels()).containsExactly("WINDOW", "ONLINE");
        assertThat(announced.requiredMaterials()).containsExactly("居民身份证", "户口簿", "家庭收入证明");
    }

    @Test
    void bad_input_names_the_field_and_writes_nothing() {
        long before = count();
        Api.Response missing = clerk(LECONG).post(MATTERS, matter(uniqueCode()).replace("\"name\":\"城乡居民最低生活保障申请\",", ""));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.isProblem()).isTrue();
        assertThat(missing.body()).contains("\"field\":\"name\"");

        Api.Response promiseTooLong = clerk(LECONG).post(MATTERS,
                matter(uniqueCode()).replace("\"promisedLimitDays\":15", "\"promisedLimitDays\":31"));
        assertThat(promiseTooLong.status()).isEqualTo(400);
        assertThat(promiseTooLong.isProblem()).isTrue();
        assertThat(promiseTooLong.body()).contains("\"field\":\"promisedLimitDays\"");

        Api.Response badChannel = clerk(LECONG).post(MATTERS, matter(uniqueCode()).replace("\"ONLINE\"", "\"CARRIER_PIGEON\""));
        assertThat(badChannel.status()).isEqualTo(400);
        assertThat(badChannel.body()).contains("\"field\":\"channels");

        Api.Response noChannel = clerk(LECONG).post(MATTERS, matter(uniqueCode()).replace("[\"ONLINE\",\"WINDOW\"]", "[]"));
        assertThat(noChannel.status()).isEqualTo(400);
        assertThat(noChannel.body()).contains("\"field\":\"channels\"");

        Api.Response fractionOfAFen = clerk(LECONG).post(MATTERS, matter(uniqueCode()).replace("\"fee\":0", "\"fee\":1.005"));
        assertThat(fractionOfAFen.status()).isEqualTo(400);
        assertThat(fractionOfAFen.body()).contains("\"field\":\"fee\"");

        Api.Response blankMaterial = clerk(LECONG).post(MATTERS, matter(uniqueCode()).replace("\"户口簿\"", "\" \""));
        assertThat(blankMaterial.status()).isEqualTo(400);
        assertThat(blankMaterial.body()).contains("\"field\":\"requiredMaterials[1]");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void a_code_is_unique_within_a_town_but_another_town_may_use_it() {
        String code = uniqueCode();
        ok(clerk(LECONG).post(MATTERS, matter(code)), 201);
        Api.Response twin = clerk(LECONG).post(MATTERS, matter(code));
        assertThat(twin.status()).isEqualTo(409);
        assertThat(twin.isProblem()).isTrue();
        assertThat(twin.body()).contains("\"field\":\"code\"");
        ok(clerk(BEIJIAO).post(MATTERS, matter(code)), 201);
    }

    @Test
    void illegal_moves_are_409_with_the_current_status_and_a_suspended_matter_can_be_resumed() {
        String id = draft(clerk(LECONG));
        Api.Response suspendDraft = clerk(LECONG).post(MATTERS + "/" + id + "/suspension", "{\"reason\":\"系统升级\"}");
        assertThat(suspendDraft.status()).isEqualTo(409);
        assertThat(suspendDraft.isProblem()).isTrue();
        assertThat(json.readTree(suspendDraft.body()).get("currentStatus").asString()).isEqualTo("DRAFT");

        ok(clerk(LECONG).post(MATTERS + "/" + id + "/publication", "{}"), 200);
        Api.Response again = clerk(LECONG).post(MATTERS + "/" + id + "/publication", "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(json.readTree(again.body()).get("currentStatus").asString()).isEqualTo("PUBLISHED");

        Api.Response noReason = clerk(LECONG).post(MATTERS + "/" + id + "/suspension", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"field\":\"reason\"");
        assertThat(ok(clerk(LECONG).post(MATTERS + "/" + id + "/suspension", "{\"reason\":\"系统升级\"}"), 200)
                .get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(ok(clerk(LECONG).post(MATTERS + "/" + id + "/publication", "{\"note\":\"系统恢复\"}"), 200)
                .get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(consume(id, 2)).allSatisfy(e -> assertThat(header(e, EventHeaders.EVENT_TYPE)).isEqualTo(MatterPublished.TYPE));

        assertThat(ok(clerk(LECONG).post(MATTERS + "/" + id + "/withdrawal", "{\"reason\":\"事项取消\"}"), 200)
                .get("status").asString()).isEqualTo("WITHDRAWN");
        Api.Response afterWithdrawal = clerk(LECONG).post(MATTERS + "/" + id + "/publication", "{}");
        assertThat(afterWithdrawal.status()).isEqualTo(409);
        assertThat(json.readTree(afterWithdrawal.body()).get("currentStatus").asString()).isEqualTo("WITHDRAWN");
        assertThat(ok(clerk(LECONG).get(MATTERS + "/" + id), 200).get("transitions")).hasSize(5);
    }

    @Test
    void another_towns_matter_does_not_exist_for_you_and_the_district_sees_all() {
        String id = draft(clerk(LECONG));
        assertThat(clerk(BEIJIAO).get(MATTERS + "/" + id).status()).isEqualTo(404);
        assertThat(clerk(BEIJIAO).post(MATTERS + "/" + id + "/publication", "{}").status()).isEqualTo(404);
        Api.Response otherTown = clerk(BEIJIAO).get(MATTERS + "?town=" + LECONG);
        assertThat(otherTown.status()).isEqualTo(403);
        assertThat(otherTown.isProblem()).isTrue();
        assertThat(clerk(BEIJIAO).get(MATTERS).body()).doesNotContain(id);

        Api district = new Api(port).as(TestTokens.token("district", "DISTRICT", "DISTRICT_ADMIN"));
        assertThat(district.get(MATTERS + "/" + id).status()).isEqualTo(200);
        assertThat(district.get(MATTERS + "?town=" + LECONG).body()).contains(id);
        Api.Response noTown = district.post(MATTERS, matter(uniqueCode()));
        assertThat(noTown.status()).as("district must name the town").isEqualTo(400);
        assertThat(noTown.body()).contains("\"field\":\"town\"");
    }

    @Test
    void everyone_of_the_town_reads_but_only_hall_staff_and_leaders_write() {
        String id = draft(clerk(LECONG));
        Api officeClerk = new Api(port).as(TestTokens.token("office", LECONG, "OFFICE_CLERK"));
        Api.Response write = officeClerk.post(MATTERS, matter(uniqueCode()));
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.isProblem()).isTrue();
        assertThat(officeClerk.post(MATTERS + "/" + id + "/publication", "{}").status()).isEqualTo(403);
        assertThat(officeClerk.get(MATTERS + "/" + id).status()).isEqualTo(200);
        assertThat(officeClerk.get(MATTERS + "?status=DRAFT").body()).contains(id);

        Api leader = new Api(port).as(TestTokens.token("leader", LECONG, "TOWN_LEADER"));
        assertThat(leader.post(MATTERS + "/" + id + "/publication", "{}").status()).isEqualTo(200);

        assertThat(new Api(port).post(MATTERS, matter(uniqueCode())).status()).isEqualTo(401);
        assertThat(new Api(port).get(MATTERS).status()).isEqualTo(401);
    }

    @Test
    void the_service_is_observable() {
        Api anonymous = new Api(port);
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/prometheus").body()).contains("zhenwu_outbox_pending");
        String docs = anonymous.get("/v3/api-docs").body();
        assertThat(docs).contains("/api/service-hall/matters", "/api/service-hall/matters/{id}/publication",
                "/api/service-hall/matters/{id}/suspension", "/api/service-hall/matters/{id}/withdrawal");
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM matter").query(Long.class).single();
    }

    private long outboxRowsFor(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE message_key = ?").param(key).query(Long.class).single();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), UTF_8);
    }

    private List<ConsumerRecord<String, String>> consume(String key, int expected) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(ServiceHallTopics.MATTER_EVENTS));
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline) && found.size() < expected) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                }
            }
        }
        assertThat(found).as("events for matter " + key).hasSize(expected);
        return found;
    }
}
