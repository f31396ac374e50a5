package org.zhenwu.congress.suggestion;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.zhenwu.contracts.EventHeaders;
import org.zhenwu.contracts.congress.v1.SuggestionClosed;
import org.zhenwu.contracts.congress.v1.SuggestionReplied;
import org.zhenwu.contracts.document.v1.DocumentTopics;
import org.zhenwu.contracts.document.v1.SupervisionCompleted;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.TestTokens;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The suggestion loop after 交办 over real HTTP: the acceptance walk, refusals, the deadline job, 督办. */
@ZhenwuIntegrationTest
class SuggestionLoopApiTest {
    static final String TOWN = "440606103";
    static final String OTHER_TOWN = "440606101";
    static final String SUGGESTIONS = "/api/congress/suggestions";
    static final String LEAD = "规划建设办";
    static final String CO = "经济发展办";

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SuggestionService service;
    @Autowired
    KafkaTemplate<String, String> kafka;

    Api staff(String town) {
        return new Api(port).as(TestTokens.tokenWith("staff-" + town, town, "人大办", "NONE", "CONGRESS_STAFF"));
    }

    Api handler(String town, String unit) {
        return new Api(port).as(TestTokens.tokenWith("handler-" + unit, town, unit, "NONE", "DEPARTMENT_HANDLER"));
    }

    JsonNode ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return json.readTree(r.body());
    }

    /** A joint suggestion, registered and assigned to {@link #LEAD} with {@link #CO}. */
    String assigned(String town) {
        String body = """
                {"session":"第十七届人大第七次会议","title":"关于加快龙江大道东延线建设的建议","content":"东延线迟迟未能贯通……",
                 "deputies":["陈国强","李秀英"],"submittedAt":"2019-01-15T02:00:00Z"}""";
        String id = ok(staff(town).post(SUGGESTIONS, body), 201).get("id").asString();
        ok(staff(town).post(SUGGESTIONS + "/" + id + "/registration", ""), 200);
        ok(staff(town).post(SUGGESTIONS + "/" + id + "/assignment",
                "{\"leadUnit\":\"" + LEAD + "\",\"coUnits\":[\"" + CO + "\"]}"), 200);
        return id;
    }

    List<String> eventTypes(String id) {
        return jdbc.sql("SELECT event_type FROM outbox_event WHERE message_key = ? ORDER BY id").param(id)
                .query(String.class).list();
    }

    JsonNode payload(String id, String type) {
        return json.readTree(jdbc.sql("SELECT payload FROM outbox_event WHERE message_key = ? AND event_type = ? ORDER BY id LIMIT 1")
                .params(id, type).query(String.class).single());
    }

    @Test
    void joint_suggestion_co_unit_view_reply_b_dissatisfied_re_handled_and_closed() {
        String id = assigned(TOWN);
        JsonNode viewed = ok(handler(TOWN, CO).post(SUGGESTIONS + "/" + id + "/co-unit-views",
                "{\"view\":\"同意纳入年度计划, 配套资金可安排\"}"), 200);
        assertThat(viewed.get("coUnitViews").get(0).get("view").asString()).startsWith("同意");

        JsonNode replied = ok(handler(TOWN, LEAD).post(SUGGESTIONS + "/" + id + "/replies",
                "{\"category\":\"B\",\"content\":\"一期工程已招标, 二期列入2020年计划\"}"), 200);
        assertThat(replied.get("status").asString()).isEqualTo("REPLIED");
        assertThat(replied.get("category").asString()).isEqualTo("B");
        assertThat(replied.get("firstReplyOnTime").asBoolean()).isTrue();

        JsonNode rehandling = ok(staff(TOWN).post(SUGGESTIONS + "/" + id + "/feedback",
                "{\"satisfaction\":\"DISSATISFIED\",\"note\":\"进度太慢\"}"), 200);
        assertThat(rehandling.get("status").asString()).isEqualTo("REHANDLING");
        LocalDate today = LocalDate.now(org.zhenwu.platform.calendar.WorkingDayCalendar.ZONE);
        assertThat(LocalDate.parse(rehandling.get("replyDue").asString())).isEqualTo(today.plusMonths(1));

        ok(handler(TOWN, LEAD).post(SUGGESTIONS + "/" + id + "/replies", "{\"category\":\"A\",\"content\":\"二期提前开工\"}"), 200);
        JsonNode closed = ok(staff(TOWN).post(SUGGESTIONS + "/" + id + "/feedback", "{\"satisfaction\":\"SATISFIED\"}"), 200);
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");

        JsonNode read = ok(staff(TOWN).get(SUGGESTIONS + "/" + id), 200);
        assertThat(read.get("replies")).hasSize(2);
        assertThat(read.get("replies").get(0).get("satisfaction").asString()).isEqualTo("DISSATISFIED");
        assertThat(read.get("replies").get(1).get("stage").asString()).isEqualTo("REHANDLED");
        assertThat(read.get("transitions")).extracting(t -> t.get("to").asString())
                .containsExactly("SUBMITTED", "REGISTERED", "ASSIGNED", "ASSIGNED", "REPLIED", "REHANDLING", "REPLIED", "CLOSED");

        assertThat(eventTypes(id)).containsExactly("congress.SuggestionSubmitted", "congress.SuggestionAssigned",
                "congress.SuggestionReplied",
                "congress.SuggestionFeedbackGiven", "congress.SuggestionReplied", "congress.SuggestionFeedbackGiven",
                "congress.SuggestionClosed");
        JsonNode submitted = payload(id, "congress.SuggestionSubmitted");
        assertThat(submitted.get("kind").asString()).isEqualTo("SUGGESTION");
        assertThat(Instant.parse(submitted.get("submittedAt").asString())).isEqualTo(Instant.parse("2019-01-15T02:00:00Z"));
        SuggestionReplied first = json.treeToValue(payload(id, SuggestionReplied.TYPE), SuggestionReplied.class);
        assertThat(first.category()).isEqualTo("B");
        assertThat(first.onTime()).isTrue();
        assertThat(first.stage()).isEqualTo("FIRST");
        assertThat(first.jurisdiction()).isEqualTo(TOWN);
        SuggestionClosed done = json.treeToValue(payload(id, SuggestionClosed.TYPE), SuggestionClosed.class);
        assertThat(done.firstReplyOnTime()).isTrue();
        assertThat(done.replies()).isEqualTo(2);
        assertThat(done.satisfaction()).isEqualTo("SATISFIED");
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM outbox_event WHERE message_key = ? AND published_at IS NULL").param(id)
                .query(Long.class).single() == 0);
    }

    @Test
    void bad_input_names_the_field_and_writes_nothing() {
        String id = assigned(TOWN);
        Api lead = handler(TOWN, LEAD);
        Api.Response noCategory = lead.post(SUGGESTIONS + "/" + id + "/replies", "{\"content\":\"已解决\"}");
        assertThat(noCategory.status()).isEqualTo(400);
        assertThat(noCategory.isProblem()).isTrue();
        assertThat(noCategory.body()).contains("\"field\":\"category\"");
        Api.Response badCategory = lead.post(SUGGESTIONS + "/" + id + "/replies", "{\"category\":\"E\",\"content\":\"x\"}");
        assertThat(badCategory.status()).isEqualTo(400);
        assertThat(badCategory.body()).contains("\"field\":\"category\"");
        Api.Response noContent = lead.post(SUGGESTIONS + "/" + id + "/replies", "{\"category\":\"A\",\"content\":\" \"}");
        assertThat(noContent.body()).contains("\"field\":\"content\"");

        Api.Response tooLong = staff(TOWN).post(SUGGESTIONS + "/" + id + "/extension",
                "{\"replyDue\":\"2999-01-01\",\"reason\":\"复杂\",\"deputiesToldOn\":\"" + LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"field\":\"replyDue\"");
        Api.Response untold = staff(TOWN).post(SUGGESTIONS + "/" + id + "/extension",
                "{\"replyDue\":\"" + LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(4) + "\",\"reason\":\"复杂\"}");
        assertThat(untold.status()).isEqualTo(400);
        assertThat(untold.body()).contains("\"field\":\"deputiesToldOn\"");
        Api.Response notACoUnit = staff(TOWN).post(SUGGESTIONS + "/" + id + "/co-unit-views",
                "{\"unit\":\"城管办\",\"view\":\"x\"}");
        assertThat(notACoUnit.status()).isEqualTo(400);
        assertThat(notACoUnit.body()).contains("\"field\":\"unit\"");

        JsonNode read = ok(staff(TOWN).get(SUGGESTIONS + "/" + id), 200);
        assertThat(read.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(read.get("replyCount").asInt()).isZero();
        assertThat(read.get("extendedFrom").isNull()).isTrue();
        assertThat(read.get("transitions")).hasSize(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM suggestion_reply WHERE suggestion_id = ?").param(id).query(Long.class)
                .single()).isZero();
    }

    @Test
    void out_of_turn_steps_are_409_with_the_current_status() {
        String id = assigned(TOWN);
        Api.Response early = staff(TOWN).post(SUGGESTIONS + "/" + id + "/feedback", "{\"satisfaction\":\"SATISFIED\"}");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.isProblem()).isTrue();
        assertThat(json.readTree(early.body()).get("currentStatus").asString()).isEqualTo("ASSIGNED");

        ok(handler(TOWN, CO).post(SUGGESTIONS + "/" + id + "/co-unit-views", "{\"view\":\"同意\"}"), 200);
        Api.Response twice = handler(TOWN, CO).post(SUGGESTIONS + "/" + id + "/co-unit-views", "{\"view\":\"再次\"}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(json.readTree(twice.body()).get("rule").asString()).isEqualTo("co-unit-view-given");
        assertThat(json.readTree(twice.body()).get("currentStatus").asString()).isEqualTo("ASSIGNED");

        ok(handler(TOWN, LEAD).post(SUGGESTIONS + "/" + id + "/replies", "{\"category\":\"A\",\"content\":\"已解决\"}"), 200);
        Api.Response again = handler(TOWN, LEAD).post(SUGGESTIONS + "/" + id + "/replies",
                "{\"category\":\"A\",\"content\":\"再答复\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(json.readTree(again.body()).get("currentStatus").asString()).isEqualTo("REPLIED");
        Api.Response extendAfterReply = staff(TOWN).post(SUGGESTIONS + "/" + id + "/extension",
                "{\"replyDue\":\"" + LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(4) + "\",\"reason\":\"复杂\",\"deputiesToldOn\":\"" + LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) + "\"}");
        assertThat(extendAfterReply.status()).isEqualTo(409);
        assertThat(json.readTree(extendAfterReply.body()).get("currentStatus").asString()).isEqualTo("REPLIED");
    }

    @Test
    void units_answer_only_for_themselves_other_towns_see_nothing_and_strangers_are_401() {
        String id = assigned(TOWN);
        Api.Response coUnitReplies = handler(TOWN, CO).post(SUGGESTIONS + "/" + id + "/replies",
                "{\"category\":\"A\",\"content\":\"x\"}");
        assertThat(coUnitReplies.status()).isEqualTo(403);
        assertThat(coUnitReplies.isProblem()).isTrue();
        Api.Response forAnother = handler(TOWN, "城管办").post(SUGGESTIONS + "/" + id + "/co-unit-views",
                "{\"unit\":\"" + CO + "\",\"view\":\"x\"}");
        assertThat(forAnother.status()).isEqualTo(403);
        Api clerk = new Api(port).as(TestTokens.token("clerk", TOWN, "OFFICE_CLERK"));
        assertThat(clerk.post(SUGGESTIONS + "/" + id + "/feedback", "{\"satisfaction\":\"SATISFIED\"}").status()).isEqualTo(403);
        assertThat(clerk.post(SUGGESTIONS + "/" + id + "/replies", "{\"category\":\"A\",\"content\":\"x\"}").status())
                .isEqualTo(403);
        assertThat(handler(OTHER_TOWN, LEAD).post(SUGGESTIONS + "/" + id + "/replies",
                "{\"category\":\"A\",\"content\":\"x\"}").status()).isEqualTo(404);
        assertThat(staff(OTHER_TOWN).post(SUGGESTIONS + "/" + id + "/feedback", "{\"satisfaction\":\"SATISFIED\"}").status())
                .isEqualTo(404);
        assertThat(new Api(port).post(SUGGESTIONS + "/" + id + "/replies", "{\"category\":\"A\",\"content\":\"x\"}").status())
                .isEqualTo(401);
        assertThat(ok(staff(TOWN).get(SUGGESTIONS + "/" + id), 200).get("status").asString()).isEqualTo("ASSIGNED");

        assertThat(handler(TOWN, CO).get(SUGGESTIONS + "?unit=" + java.net.URLEncoder.encode(CO, UTF_8)).body()).contains(id);
        assertThat(handler(TOWN, "城管办").get(SUGGESTIONS + "?unit=" + java.net.URLEncoder.encode("城管办", UTF_8)).body())
                .doesNotContain(id);
    }

    @Test
    void an_extension_with_the_deputies_told_moves_the_deadline_and_is_announced() {
        String id = assigned(TOWN);
        LocalDate today = LocalDate.now(org.zhenwu.platform.calendar.WorkingDayCalendar.ZONE);
        JsonNode extended = ok(staff(TOWN).post(SUGGESTIONS + "/" + id + "/extension",
                "{\"replyDue\":\"" + today.plusMonths(5) + "\",\"reason\":\"涉及跨区规划调整\",\"deputiesToldOn\":\"" + today + "\"}"), 200);
        assertThat(LocalDate.parse(extended.get("replyDue").asString())).isEqualTo(today.plusMonths(5));
        assertThat(LocalDate.parse(extended.get("extendedFrom").asString())).isEqualTo(today.plusMonths(3));
        JsonNode event = payload(id, "congress.SuggestionExtended");
        assertThat(event.get("replyDue").asString()).isEqualTo(today.plusMonths(5).toString());
        assertThat(event.get("deputiesToldOn").asString()).isEqualTo(today.toString());
    }

    @Test
    void the_deadline_job_escalates_once_even_with_two_instances_running_at_the_same_time() throws Exception {
        String id = assigned(TOWN);
        jdbc.sql("UPDATE suggestion SET reply_due = ?, co_views_due = ? WHERE id = ?")
                .params(Date.valueOf(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(2)), Date.valueOf(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(40)), id).update();
        List<Callable<Integer>> twoInstances = new ArrayList<>();
        twoInstances.add(() -> service.checkDeadlines(200));
        twoInstances.add(() -> service.checkDeadlines(200));
        var pool = Executors.newFixedThreadPool(2);
        try {
            for (var f : pool.invokeAll(twoInstances)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        service.checkDeadlines(200);

        JsonNode read = ok(staff(TOWN).get(SUGGESTIONS + "/" + id), 200);
        assertThat(read.get("replyEscalated").asBoolean()).isTrue();
        assertThat(read.get("coViewsEscalated").asBoolean()).isTrue();
        List<JsonNode> escalations = jdbc.sql("SELECT payload FROM outbox_event WHERE message_key = ? AND event_type = ? ORDER BY id")
                .params(id, "congress.SuggestionEscalated").query(String.class).list().stream().map(json::readTree).toList();
        assertThat(escalations).extracting(e -> e.get("overdue").asString() + ":" + e.get("unit").asString())
                .containsExactlyInAnyOrder("REPLY:" + LEAD, "CO_UNIT_VIEW:" + CO);
    }

    @Test
    void the_job_reminds_the_lead_unit_shortly_before_the_deadline_once() {
        String id = assigned(TOWN);
        jdbc.sql("UPDATE suggestion SET reply_due = ? WHERE id = ?").params(Date.valueOf(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1)), id).update();
        service.checkDeadlines(200);
        service.checkDeadlines(200);
        JsonNode read = ok(staff(TOWN).get(SUGGESTIONS + "/" + id), 200);
        assertThat(read.get("transitions")).filteredOn(t -> t.get("note").asString("").startsWith("到期前提醒: ")).hasSize(1);
        assertThat(read.get("replyEscalated").asBoolean()).isFalse();
    }

    @Test
    void a_completed_supervision_task_is_noted_on_its_suggestion_once_and_other_origins_are_ignored() {
        String id = assigned(TOWN);
        String other = assigned(TOWN);
        var completed = SupervisionCompleted.of(TOWN, UUID.randomUUID(), SupervisionCompleted.ORIGIN_CONGRESS_SUGGESTION,
                id, "代表建议督办", LEAD, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(3), LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), true, "已完成一期招标", java.time.Instant.now());
        var hotlineTask = SupervisionCompleted.of(TOWN, UUID.randomUUID(), SupervisionCompleted.ORIGIN_HOTLINE_WORK_ORDER,
                other, "工单督办", "城管办", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), true, "x", java.time.Instant.now());
        // one key for all five records: one partition, so they are handled in the order sent
        String key = UUID.randomUUID().toString();
        send(key, SupervisionCompleted.TYPE, hotlineTask.eventId(), json.writeValueAsString(hotlineTask));
        send(key, "document.SupervisionOpened", UUID.randomUUID(), "{\"whatever\":1}");
        ObjectNode withNewField = (ObjectNode) json.valueToTree(completed);
        withNewField.put("addedLater", "ignored");
        send(key, SupervisionCompleted.TYPE, completed.eventId(), json.writeValueAsString(withNewField));
        send(key, SupervisionCompleted.TYPE, completed.eventId(), json.writeValueAsString(completed));
        String marker = assigned(TOWN);
        var last = SupervisionCompleted.of(TOWN, UUID.randomUUID(), SupervisionCompleted.ORIGIN_CONGRESS_SUGGESTION,
                marker, "代表建议督办", LEAD, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), true, "done", java.time.Instant.now());
        send(key, SupervisionCompleted.TYPE, last.eventId(), json.writeValueAsString(last));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(ok(staff(TOWN).get(SUGGESTIONS + "/" + marker), 200).get("supervisionCompletedOn").isNull()).isFalse());
        JsonNode read = ok(staff(TOWN).get(SUGGESTIONS + "/" + id), 200);
        assertThat(read.get("supervisionCompletedOn").asString()).isEqualTo(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
        assertThat(read.get("supervisionTaskId").asString()).isEqualTo(completed.taskId().toString());
        assertThat(read.get("transitions")).filteredOn(t -> t.get("note").asString("").startsWith("督办任务办结")).hasSize(1);
        assertThat(read.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(ok(staff(TOWN).get(SUGGESTIONS + "/" + other), 200).get("supervisionCompletedOn").isNull()).isTrue();
    }

    private void send(String key, String type, UUID eventId, String payload) {
        var record = new ProducerRecord<String, String>(DocumentTopics.SUPERVISION_EVENTS, key, payload);
        record.headers().add(EventHeaders.EVENT_TYPE, type.getBytes(UTF_8));
        record.headers().add(EventHeaders.EVENT_ID, eventId.toString().getBytes(UTF_8));
        kafka.send(record).join();
    }
}
