package org.zhenwu.congress.suggestion;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.contracts.EventHeaders;
import org.zhenwu.contracts.congress.v1.CongressTopics;
import org.zhenwu.contracts.congress.v1.SuggestionAssigned;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.SharedKafka;
import org.zhenwu.platform.test.TestTokens;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ZhenwuIntegrationTest
class SuggestionApiTest {
    static final String LECONG = "440606104";
    static final String BEIJIAO = "440606105";
    static final String SUGGESTIONS = "/api/congress/suggestions";
    static final String SESSION = "第十七届人大第七次会议";
    static final String ASSIGNMENT = """
            {"leadUnit":"规划建设办","coUnits":["经济发展办","财政办"]}""";

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    Api staff(String town) {
        return new Api(port).as(TestTokens.tokenWith("staff-" + town, town, "人大办", "NONE", "CONGRESS_STAFF"));
    }

    static String suggestion(String session) {
        return """
                {"session":"%s","title":"关于加快乐从大道东延线建设的建议","content":"乐从大道东延线迟迟未能贯通……",
                 "deputies":["陈国强","李秀英"],"submittedAt":"2019-01-15T02:00:00Z"}""".formatted(session);
    }

    JsonNode ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return json.readTree(r.body());
    }

    String submit(Api api, String session) {
        return ok(api.post(SUGGESTIONS, suggestion(session)), 201).get("id").asString();
    }

    @Test
    void a_suggestion_is_registered_then_assigned_and_the_assignment_is_announced_with_its_reply_deadline() {
        JsonNode submitted = ok(staff(LECONG).post(SUGGESTIONS, suggestion(SESSION)), 201);
        String id = submitted.get("id").asString();
        assertThat(submitted.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("deputies")).hasSize(2);
        assertThat(submitted.get("registrationNumber").isNull()).isTrue();

        JsonNode registered = ok(staff(LECONG).post(SUGGESTIONS + "/" + id + "/registration", ""), 200);
        assertThat(registered.get("status").asString()).isEqualTo("REGISTERED");
        assertThat(registered.get("registrationNumber").asInt()).isPositive();

        JsonNode assigned = ok(staff(LECONG).post(SUGGESTIONS + "/" + id + "/assignment", ASSIGNMENT), 200);
        assertThat(assigned.get("status").asString()).isEqualTo("ASSIGNED");
        LocalDate assignedOn = LocalDate.ofInstant(Instant.parse(assigned.get("assignedAt").asString()), WorkingDayCalendar.ZONE);
        assertThat(LocalDate.parse(assigned.get("replyDue").asString())).isEqualTo(assignedOn.plusMonths(3));
        JsonNode read = ok(staff(LECONG).get(SUGGESTIONS + "/" + id), 200);
        assertThat(read.get("transitions")).hasSize(3);
        assertThat(read.get("coUnits").get(1).asString()).isEqualTo("财政办");

        ConsumerRecord<String, String> event = consumeOne(id, SuggestionAssigned.TYPE);
        assertThat(header(event, EventHeaders.EVENT_TYPE)).isEqualTo(SuggestionAssigned.TYPE);
        SuggestionAssigned announced = json.readValue(event.value(), SuggestionAssigned.class);
        assertThat(header(event, EventHeaders.EVENT_ID)).isEqualTo(announced.eventId().toString());
        assertThat(announced.jurisdiction()).isEqualTo(LECONG);
        assertThat(announced.replyDue()).isEqualTo(assignedOn.plusMonths(3));
        assertThat(announced.leadUnit()).isEqualTo("规划建设办");
        assertThat(announced.coUnits()).containsExactly("经济发展办", "财政办");
        assertThat(announced.deputies()).containsExactly("陈国强", "李秀英");
        assertThat(announced.registrationNumber()).isEqualTo(registered.get("registrationNumber").asInt());
    }

    @Test
    void registration_numbers_have_no_gaps_and_no_duplicates_within_a_session_under_concurrent_registration()
            throws Exception {
        String session = "第十七届人大第" + UUID.randomUUID().toString().substring(0, 6) + "次会议";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(submit(staff(LECONG), session));
        }
        List<Callable<Integer>> calls = new ArrayList<>();
        for (String id : ids) {
            calls.add(() -> json.readTree(staff(LECONG).post(SUGGESTIONS + "/" + id + "/registration", "").body())
                    .get("registrationNumber").asInt());
        }
        List<Integer> numbers = new ArrayList<>();
        var pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<Integer> f : pool.invokeAll(calls)) {
                numbers.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
        String otherTown = submit(staff(BEIJIAO), session);
        assertThat(ok(staff(BEIJIAO).post(SUGGESTIONS + "/" + otherTown + "/registration", ""), 200)
                .get("registrationNumber").asInt()).as("each town counts its own").isEqualTo(1);
    }

    @Test
    void bad_input_names_the_field_and_writes_nothing() {
        long before = count();
        Api.Response noDeputy = staff(LECONG).post(SUGGESTIONS, suggestion(SESSION).replace("[\"陈国强\",\"李秀英\"]", "[]"));
        assertThat(noDeputy.status()).isEqualTo(400);
        assertThat(noDeputy.isProblem()).isTrue();
        assertThat(noDeputy.body()).contains("\"field\":\"deputies\"");

        Api.Response twice = staff(LECONG).post(SUGGESTIONS, suggestion(SESSION).replace("李秀英", "陈国强"));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body()).contains("\"field\":\"deputies\"");

        Api.Response noTitle = staff(LECONG).post(SUGGESTIONS, suggestion(SESSION).replace("关于加快乐从大道东延线建设的建议", " "));
        assertThat(noTitle.status()).isEqualTo(400);
        assertThat(noTitle.body()).contains("\"field\":\"title\"");

        Api.Response future = staff(LECONG).post(SUGGESTIONS, suggestion(SESSION).replace("2019-01-15T02:00:00Z", "2999-01-01T00:00:00Z"));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body()).contains("\"field\":\"submittedAt\"");

        Api.Response notATime = staff(LECONG).post(SUGGESTIONS, suggestion(SESSION).replace("2019-01-15T02:00:00Z", "yesterday"));
        assertThat(notATime.status()).isEqualTo(400);
        assertThat(notATime.body()).contains("\"field\":\"submittedAt\"");
        assertThat(count()).isEqualTo(before);

        String id = submit(staff(LECONG), SESSION);
        ok(staff(LECONG).post(SUGGESTIONS + "/" + id + "/registration", ""), 200);
        Api.Response leadAlsoCo = staff(LECONG).post(SUGGESTIONS + "/" + id + "/assignment",
                "{\"leadUnit\":\"规划建设办\",\"coUnits\":[\"规划建设办\"]}");
        assertThat(leadAlsoCo.status()).isEqualTo(400);
        assertThat(leadAlsoCo.body()).contains("\"field\":\"coUnits\"");
        Api.Response noLead = staff(LECONG).post(SUGGESTIONS + "/" + id + "/assignment", "{\"coUnits\":[]}");
        assertThat(noLead.status()).isEqualTo(400);
        assertThat(noLead.body()).contains("\"field\":\"leadUnit\"");
        assertThat(ok(staff(LECONG).get(SUGGESTIONS + "/" + id), 200).get("status").asString()).isEqualTo("REGISTERED");
    }

    @Test
    void illegal_moves_are_409_with_the_current_status() {
        String id = submit(staff(LECONG), SESSION);
        Api.Response early = staff(LECONG).post(SUGGESTIONS + "/" + id + "/assignment", ASSIGNMENT);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.isProblem()).isTrue();
        assertThat(json.readTree(early.body()).get("currentStatus").asString()).isEqualTo("SUBMITTED");

        ok(staff(LECONG).post(SUGGESTIONS + "/" + id + "/registration", ""), 200);
        Api.Response again = staff(LECONG).post(SUGGESTIONS + "/" + id + "/registration", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(json.readTree(again.body()).get("currentStatus").asString()).isEqualTo("REGISTERED");

        ok(staff(LECONG).post(SUGGESTIONS + "/" + id + "/assignment", ASSIGNMENT), 200);
        Api.Response reassign = staff(LECONG).post(SUGGESTIONS + "/" + id + "/assignment", ASSIGNMENT);
        assertThat(reassign.status()).isEqualTo(409);
        assertThat(json.readTree(reassign.body()).get("currentStatus").asString()).isEqualTo("ASSIGNED");
    }

    @Test
    void another_towns_suggestion_does_not_exist_for_you_and_the_district_sees_all() {
        String id = submit(staff(LECONG), SESSION);
        assertThat(staff(BEIJIAO).get(SUGGESTIONS + "/" + id).status()).isEqualTo(404);
        assertThat(staff(BEIJIAO).post(SUGGESTIONS + "/" + id + "/registration", "").status()).isEqualTo(404);
        Api.Response otherTown = staff(BEIJIAO).get(SUGGESTIONS + "?town=" + LECONG);
        assertThat(otherTown.status()).isEqualTo(403);
        assertThat(otherTown.isProblem()).isTrue();
        assertThat(staff(BEIJIAO).get(SUGGESTIONS).body()).doesNotContain(id);

        Api district = new Api(port).as(TestTokens.token("district", "DISTRICT", "DISTRICT_ADMIN"));
        assertThat(district.get(SUGGESTIONS + "/" + id).status()).isEqualTo(200);
        assertThat(district.get(SUGGESTIONS + "?town=" + LECONG + "&status=SUBMITTED").body()).contains(id);
        Api.Response noTown = district.post(SUGGESTIONS, suggestion(SESSION));
        assertThat(noTown.status()).as("district must name the town").isEqualTo(400);
        assertThat(noTown.body()).contains("\"field\":\"town\"");
    }

    @Test
    void only_congress_staff_and_the_district_write_and_the_town_reads() {
        String id = submit(staff(LECONG), SESSION);
        Api officeClerk = new Api(port).as(TestTokens.token("office", LECONG, "OFFICE_CLERK"));
        Api.Response write = officeClerk.post(SUGGESTIONS, suggestion(SESSION));
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.isProblem()).isTrue();
        assertThat(officeClerk.post(SUGGESTIONS + "/" + id + "/registration", "").status()).isEqualTo(403);
        assertThat(officeClerk.get(SUGGESTIONS + "/" + id).status()).isEqualTo(200);
        assertThat(officeClerk.get(SUGGESTIONS + "?session=" + java.net.URLEncoder.encode(SESSION, UTF_8)).body())
                .contains(id);

        assertThat(new Api(port).post(SUGGESTIONS, suggestion(SESSION)).status()).isEqualTo(401);
        assertThat(new Api(port).get(SUGGESTIONS + "/" + id).status()).isEqualTo(401);
    }

    @Test
    void the_service_is_observable() {
        Api anonymous = new Api(port);
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/prometheus").body()).contains("zhenwu_outbox_pending");
        assertThat(anonymous.get("/v3/api-docs").body()).contains("/api/congress/suggestions",
                "/api/congress/suggestions/{id}/registration", "/api/congress/suggestions/{id}/assignment");
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM suggestion").query(Long.class).single();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), UTF_8);
    }

    /** The first record of that key and type (a suggestion announces its submission before its assignment). */
    private ConsumerRecord<String, String> consumeOne(String key, String type) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(CongressTopics.SUGGESTION_EVENTS));
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key()) && type.equals(header(record, EventHeaders.EVENT_TYPE))) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no " + type + " for suggestion " + key);
    }
}
