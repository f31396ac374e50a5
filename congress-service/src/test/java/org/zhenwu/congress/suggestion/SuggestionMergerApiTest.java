package org.zhenwu.congress.suggestion;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.zhenwu.contracts.EventHeaders;
import org.zhenwu.contracts.congress.v1.SuggestionsMerged;
import org.zhenwu.contracts.document.v1.DocumentTopics;
import org.zhenwu.contracts.document.v1.SupervisionCompleted;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.TestTokens;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** 并案 over real HTTP: identical suggestions handled under one lead suggestion, yet answered and counted one by one. */
@ZhenwuIntegrationTest
class SuggestionMergerApiTest {
    static final String TOWN = "440606002";
    static final String OTHER_TOWN = "440606003";
    static final String S = "/api/congress/suggestions";
    static final String LEAD = "规划建设办";
    static final String CO = "交通运输办";

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaTemplate<String, String> kafka;

    Api staff(String town) {
        return new Api(port).as(TestTokens.tokenWith("staff-" + town, town, "人大办", "NONE", "CONGRESS_STAFF"));
    }

    Api handler(String unit) {
        return new Api(port).as(TestTokens.tokenWith("handler-" + unit, TOWN, unit, "NONE", "DEPARTMENT_HANDLER"));
    }

    JsonNode ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return json.readTree(r.body());
    }

    String registered(String town, String session, String deputy, String submittedAt) {
        String body = "{\"session\":\"" + session + "\",\"title\":\"关于修缮陈村花卉大道的建议\",\"content\":\"路面坑洼……\","
                + "\"deputies\":[\"" + deputy + "\"],\"submittedAt\":\"" + submittedAt + "\"}";
        String id = ok(staff(town).post(S, body), 201).get("id").asString();
        ok(staff(town).post(S + "/" + id + "/registration", ""), 200);
        return id;
    }

    String registered(String deputy) {
        return registered(TOWN, "第十七届人大第七次会议", deputy, "2019-01-15T02:00:00Z");
    }

    JsonNode merge(String lead, String... ids) {
        return ok(staff(TOWN).post(S + "/" + lead + "/merger", mergeBody(ids)), 200);
    }

    static String mergeBody(String... ids) {
        return "{\"suggestionIds\":[\"" + String.join("\",\"", ids) + "\"]}";
    }

    List<String> eventTypes(String id) {
        return jdbc.sql("SELECT event_type FROM outbox_event WHERE message_key = ? ORDER BY id").param(id)
                .query(String.class).list();
    }

    @Test
    void three_deputies_same_matter_one_handling_three_replies_each_counted() {
        String submitted = "2016-01-15T02:00:00Z";
        String session = "第十六届人大第五次会议";
        String lead = registered(TOWN, session, "陈国强", submitted);
        String second = registered(TOWN, session, "李秀英", submitted);
        String third = registered(TOWN, session, "王建华", submitted);

        JsonNode merged = merge(lead, second, third);
        assertThat(merged.get("merged")).extracting(JsonNode::asString).containsExactly(second, third);
        assertThat(merged.get("transitions")).anySatisfy(t -> assertThat(t.get("note").asString("")).startsWith("并案办理: 第2号、第3号"));
        JsonNode follower = ok(staff(TOWN).get(S + "/" + second), 200);
        assertThat(follower.get("mergedInto").asString()).isEqualTo(lead);
        assertThat(follower.get("status").asString()).isEqualTo("REGISTERED");
        SuggestionsMerged announced = json.treeToValue(json.readTree(jdbc.sql(
                "SELECT payload FROM outbox_event WHERE message_key = ? AND event_type = ?")
                .params(lead, SuggestionsMerged.TYPE).query(String.class).single()), SuggestionsMerged.class);
        assertThat(announced.mergedSuggestionIds()).containsExactly(UUID.fromString(second), UUID.fromString(third));
        assertThat(announced.mergedNumbers()).containsExactly(2, 3);
        assertThat(announced.leadUnit()).isNull();

        // the lead suggestion is assigned: the merged ones go to the same units, but one 督办 task is asked for
        ok(staff(TOWN).post(S + "/" + lead + "/assignment", "{\"leadUnit\":\"" + LEAD + "\",\"coUnits\":[\"" + CO + "\"]}"), 200);
        LocalDate due = LocalDate.now(WorkingDayCalendar.ZONE).plusMonths(3);
        for (String id : List.of(second, third)) {
            JsonNode s = ok(staff(TOWN).get(S + "/" + id), 200);
            assertThat(s.get("status").asString()).isEqualTo("ASSIGNED");
            assertThat(s.get("leadUnit").asString()).isEqualTo(LEAD);
            assertThat(s.get("coUnits")).extracting(JsonNode::asString).containsExactly(CO);
            assertThat(LocalDate.parse(s.get("replyDue").asString())).isEqualTo(due);
            assertThat(eventTypes(id)).containsExactly("congress.SuggestionSubmitted");
        }
        assertThat(eventTypes(lead)).containsExactly("congress.SuggestionSubmitted", SuggestionsMerged.TYPE,
                "congress.SuggestionAssigned");

        // each deputy gets his own reply and gives his own verdict
        ok(handler(LEAD).post(S + "/" + lead + "/replies", "{\"category\":\"B\",\"content\":\"已列入2016年下半年计划\"}"), 200);
        ok(handler(LEAD).post(S + "/" + second + "/replies", "{\"category\":\"B\",\"content\":\"已列入计划, 李代表所提排水一并解决\"}"), 200);
        ok(handler(LEAD).post(S + "/" + third + "/replies", "{\"category\":\"A\",\"content\":\"王代表所指路段已修复\"}"), 200);
        assertThat(ok(staff(TOWN).post(S + "/" + lead + "/feedback", "{\"satisfaction\":\"SATISFIED\"}"), 200)
                .get("status").asString()).isEqualTo("TRACKING");
        assertThat(ok(staff(TOWN).post(S + "/" + second + "/feedback", "{\"satisfaction\":\"DISSATISFIED\"}"), 200)
                .get("status").asString()).isEqualTo("REHANDLING");
        assertThat(ok(staff(TOWN).post(S + "/" + third + "/feedback", "{\"satisfaction\":\"SATISFIED\"}"), 200)
                .get("status").asString()).isEqualTo("CLOSED");
        for (String id : List.of(lead, second, third)) {
            assertThat(ok(staff(TOWN).get(S + "/" + id), 200).get("replies")).hasSize(1);
            assertThat(eventTypes(id)).contains("congress.SuggestionReplied", "congress.SuggestionFeedbackGiven");
        }

        JsonNode figures = ok(staff(TOWN).get("/api/congress/stats?town=" + TOWN + "&from=2016-01-01&to=2016-12-31"), 200)
                .get("byKind").get("SUGGESTION");
        assertThat(figures.get("received").asLong()).isEqualTo(3);
        assertThat(figures.get("replied").asLong()).isEqualTo(3);
        assertThat(figures.get("repliedOnTime").asLong()).isEqualTo(3);
        assertThat(figures.get("merged").asLong()).isEqualTo(2);
        assertThat(figures.get("byCategory").get("B").asLong()).isEqualTo(2);
        assertThat(figures.get("byCategory").get("A").asLong()).isEqualTo(1);
    }

    @Test
    void a_late_identical_suggestion_joins_an_assigned_one_and_the_rules_refuse_the_rest() {
        String lead = registered("陈国强");
        ok(staff(TOWN).post(S + "/" + lead + "/assignment", "{\"leadUnit\":\"" + LEAD + "\"}"), 200);
        String late = registered("李秀英");
        JsonNode joined = ok(staff(TOWN).get(S + "/" + merge(lead, late).get("merged").get(0).asString()), 200);
        assertThat(joined.get("status").asString()).isEqualTo("ASSIGNED");
        assertThat(joined.get("leadUnit").asString()).isEqualTo(LEAD);
        assertThat(eventTypes(late)).containsExactly("congress.SuggestionSubmitted");
        assertThat(json.readTree(jdbc.sql("SELECT payload FROM outbox_event WHERE message_key = ? AND event_type = ?")
                .params(lead, SuggestionsMerged.TYPE).query(String.class).single()).get("leadUnit").asString()).isEqualTo(LEAD);

        // a merged suggestion is assigned with its lead only
        JsonNode direct = ok(staff(TOWN).post(S + "/" + late + "/assignment", "{\"leadUnit\":\"财政办\"}"), 409);
        assertThat(direct.get("rule").asString()).isEqualTo("merged");
        // an assigned suggestion does not join: it already has its own handling
        String other = registered("王建华");
        ok(staff(TOWN).post(S + "/" + other + "/assignment", "{\"leadUnit\":\"" + LEAD + "\"}"), 200);
        JsonNode assigned = ok(staff(TOWN).post(S + "/" + lead + "/merger", mergeBody(other)), 409);
        assertThat(assigned.get("rule").asString()).isEqualTo("not-mergeable");
        assertThat(assigned.get("currentStatus").asString()).isEqualTo("ASSIGNED");
        // nothing is merged into a merged one, nor twice, nor a lead into another
        String fourth = registered("赵敏");
        assertThat(ok(staff(TOWN).post(S + "/" + late + "/merger", mergeBody(fourth)), 409).get("rule").asString())
                .isEqualTo("already-merged");
        assertThat(ok(staff(TOWN).post(S + "/" + fourth + "/merger", mergeBody(late)), 409).get("rule").asString())
                .isEqualTo("already-merged");
        String fifth = registered("孙丽");
        ok(staff(TOWN).post(S + "/" + fifth + "/merger", mergeBody(fourth)), 200);
        assertThat(ok(staff(TOWN).post(S + "/" + lead + "/merger", mergeBody(fifth)), 409).get("rule").asString())
                .isEqualTo("already-merged");
        // another session, another town, itself, twice: 400 naming the field, and nothing changes
        String otherSession = registered(TOWN, "第十七届人大第八次会议", "周强", "2019-01-15T02:00:00Z");
        String otherTown = registered(OTHER_TOWN, "第十七届人大第七次会议", "吴刚", "2019-01-15T02:00:00Z");
        for (String body : List.of(mergeBody(otherSession), mergeBody(otherTown), mergeBody(fifth),
                mergeBody(fourth, fourth), "{\"suggestionIds\":[]}")) {
            JsonNode bad = ok(staff(TOWN).post(S + "/" + fifth + "/merger", body), 400);
            assertThat(bad.toString()).contains("suggestionIds");
        }
        assertThat(ok(staff(TOWN).get(S + "/" + otherSession), 200).get("mergedInto").isNull()).isTrue();
        // another town's staff do not see the lead suggestion at all
        ok(staff(OTHER_TOWN).post(S + "/" + lead + "/merger", mergeBody(otherTown)), 404);
        assertThat(ok(staff(TOWN).get(S + "/" + lead), 200).get("merged")).hasSize(1);
    }

    @Test
    void two_officers_merging_the_same_suggestion_into_two_leads_at_once_one_wins() throws Exception {
        for (int round = 0; round < 5; round++) {
            String first = registered("陈国强");
            String second = registered("李秀英");
            String contested = registered("王建华");
            var start = new java.util.concurrent.CountDownLatch(1);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var a = pool.submit(() -> {
                    start.await();
                    return staff(TOWN).post(S + "/" + first + "/merger", mergeBody(contested));
                });
                var b = pool.submit(() -> {
                    start.await();
                    return staff(TOWN).post(S + "/" + second + "/merger", mergeBody(contested));
                });
                start.countDown();
                List<Integer> statuses = List.of(a.get().status(), b.get().status());
                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 409);
            } finally {
                pool.shutdownNow();
            }
            String winner = ok(staff(TOWN).get(S + "/" + contested), 200).get("mergedInto").asString();
            assertThat(winner).isIn(first, second);
            String loser = winner.equals(first) ? second : first;
            assertThat(ok(staff(TOWN).get(S + "/" + loser), 200).get("merged")).isEmpty();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE message_key IN (?, ?) AND event_type = ?")
                    .params(first, second, SuggestionsMerged.TYPE).query(Long.class).single()).isEqualTo(1);
        }
    }

    @Test
    void the_lead_suggestions_completed_supervision_task_is_noted_on_the_merged_ones_too() {
        String lead = registered("陈国强");
        String merged = merge(lead, registered("李秀英")).get("merged").get(0).asString();
        ok(staff(TOWN).post(S + "/" + lead + "/assignment", "{\"leadUnit\":\"" + LEAD + "\"}"), 200);
        LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);
        var completed = SupervisionCompleted.of(TOWN, UUID.randomUUID(), SupervisionCompleted.ORIGIN_CONGRESS_SUGGESTION,
                lead, "代表建议督办", LEAD, today.plusMonths(3), today, true, "两件一并办结", Instant.now());
        for (int i = 0; i < 2; i++) { // a redelivery changes nothing
            var record = new ProducerRecord<String, String>(DocumentTopics.SUPERVISION_EVENTS, lead,
                    json.writeValueAsString(completed));
            record.headers().add(EventHeaders.EVENT_TYPE, SupervisionCompleted.TYPE.getBytes(UTF_8));
            record.headers().add(EventHeaders.EVENT_ID, completed.eventId().toString().getBytes(UTF_8));
            kafka.send(record).join();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(ok(staff(TOWN).get(S + "/" + merged), 200).get("supervisionTaskId").asString(""))
                        .isEqualTo(completed.taskId().toString()));
        assertThat(ok(staff(TOWN).get(S + "/" + lead), 200).get("supervisionCompletedOn").asString()).isEqualTo(today.toString());
        assertThat(ok(staff(TOWN).get(S + "/" + merged), 200).get("transitions"))
                .filteredOn(t -> t.get("note").asString("").startsWith("督办任务办结")).hasSize(1);
    }
}
