package org.zhenwu.document.supervision;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.zhenwu.contracts.EventHeaders;
import org.zhenwu.contracts.IntegrationEvent;
import org.zhenwu.contracts.congress.v1.CongressTopics;
import org.zhenwu.contracts.congress.v1.SuggestionAssigned;
import org.zhenwu.contracts.document.v1.SupervisionCompleted;
import org.zhenwu.contracts.hotline.v1.HotlineTopics;
import org.zhenwu.contracts.hotline.v1.WorkOrderEscalated;
import org.zhenwu.document.ApiTestSupport;
import org.zhenwu.platform.test.Api;

import tools.jackson.databind.JsonNode;

/** 督办 over real HTTP and Kafka: from a leader's 批示, from congress and hotline events; completion flows back. */
class SupervisionApiTest extends ApiTestSupport {
    static final String TOWN = "440606100";
    static final String BASE = "/api/documents/supervision";

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    SupervisionService supervision;

    @Test
    void a_leaders_instruction_opens_a_task_that_the_lead_department_completes_with_evidence() {
        Api clerk = clerk(TOWN);
        String doc = ok(clerk.post("/api/documents/incoming", """
                {"channel":"PAPER","sender":"区政府办公室","elements":{"documentType":"NOTICE","title":"关于整治违规广告牌的通知"}}"""),
                201).get("id").asString();
        String path = "/api/documents/incoming/" + doc;
        ok(clerk.post(path + "/registration", ""));
        ok(clerk.post(path + "/screening", "{\"mode\":\"ACTION\"}"));
        ok(clerk.post(path + "/proposal", "{\"proposal\":\"拟请城管办办理\",\"leader\":\"leader-yu\"}"));
        ok(leader(TOWN, "leader-yu").post(path + "/instruction", """
                {"instruction":"请城管办十个工作日内整治完毕","leadDepartment":"城管办","deadlineWorkingDays":10,"supervise":true}"""));

        JsonNode list = ok(handler(TOWN, "城管办").get(BASE + "?origin=LEADER_INSTRUCTION&size=200"));
        JsonNode task = null;
        for (JsonNode t : list.get("items")) {
            if (doc.equals(t.get("originId").asString())) {
                task = t;
            }
        }
        assertThat(task).as("a task for the document").isNotNull();
        assertThat(task.get("ownerDepartment").asString()).isEqualTo("城管办");
        assertThat(task.get("title").asString()).contains("关于整治违规广告牌的通知");
        String id = task.get("id").asString();
        String tp = BASE + "/" + id;

        assertProblem(handler(TOWN, "城管办").post(tp + "/evidence", "{\"evidence\":\"x\"}"), 409, null);
        ok(handler(TOWN, "城管办").post(tp + "/acceptance", ""));
        ok(handler(TOWN, "城管办").send(handler(TOWN, "城管办").request(tp + "/evidence-files?fileName=photo.jpg")
                .header("Content-Type", "image/jpeg").POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3}))), 201);
        ok(handler(TOWN, "城管办").post(tp + "/evidence", "{\"evidence\":\"已拆除违规广告牌23块\"}"));
        JsonNode done = ok(clerk.post(tp + "/completion", ""));
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("onTime").asBoolean()).isTrue();
        assertThat(ok(clerk.get(tp)).get("evidenceFiles")).hasSize(1);

        SupervisionCompleted event = completedEvent(id);
        assertThat(event.originType()).isEqualTo(SupervisionCompleted.ORIGIN_LEADER_INSTRUCTION);
        assertThat(event.originId()).isEqualTo(doc);
        assertThat(event.evidence()).isEqualTo("已拆除违规广告牌23块");
        assertThat(event.onTime()).isTrue();
    }

    @Test
    void a_congress_suggestion_assigned_in_congress_service_becomes_one_task_and_its_completion_flows_back() throws Exception {
        UUID suggestion = UUID.randomUUID();
        LocalDate replyDue = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(3);
        SuggestionAssigned assigned = SuggestionAssigned.of(TOWN, suggestion, "第十七届人大第七次会议", 12,
                "关于加快陈村大道建设的建议", List.of("陈国强", "李秀英"), "规划建设办", List.of("财政办"), replyDue, Instant.now());
        send(CongressTopics.SUGGESTION_EVENTS, suggestion.toString(), SuggestionAssigned.TYPE, assigned);
        send(CongressTopics.SUGGESTION_EVENTS, suggestion.toString(), SuggestionAssigned.TYPE, assigned); // redelivered
        send(CongressTopics.SUGGESTION_EVENTS, suggestion.toString(), "congress.SomethingElse", assigned);

        await().atMost(Duration.ofSeconds(30)).until(() -> tasksFor(suggestion.toString()) == 1);
        String id = jdbc.sql("SELECT id FROM supervision_task WHERE origin_id = ?").param(suggestion.toString())
                .query(String.class).single();
        JsonNode task = ok(clerk(TOWN).get(BASE + "/" + id));
        assertThat(task.get("originType").asString()).isEqualTo("congress.suggestion");
        assertThat(task.get("deadline").asString()).isEqualTo(replyDue.toString());
        assertThat(task.get("coDepartments").get(0).asString()).isEqualTo("财政办");
        assertThat(ok(handler(TOWN, "财政办").get(BASE + "/" + id)).get("id").asString()).isEqualTo(id);
        assertProblem(handler(TOWN, "城管办").get(BASE + "/" + id), 404, null);
        assertProblem(handler(TOWN, "财政办").post(BASE + "/" + id + "/acceptance", ""), 403, null);

        Api owner = handler(TOWN, "规划建设办");
        ok(owner.post(BASE + "/" + id + "/acceptance", ""));
        ok(owner.post(BASE + "/" + id + "/evidence", "{\"evidence\":\"已列入2020年建设计划，完成立项\"}"));
        ok(clerk(TOWN).post(BASE + "/" + id + "/completion", ""));
        SupervisionCompleted back = completedEvent(id);
        assertThat(back.originType()).isEqualTo(SupervisionCompleted.ORIGIN_CONGRESS_SUGGESTION);
        assertThat(back.originId()).isEqualTo(suggestion.toString());
        assertThat(back.jurisdiction()).isEqualTo(TOWN);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "SELECT published_at IS NOT NULL FROM outbox_event WHERE message_key = ? AND event_type = ?")
                .params(id, SupervisionCompleted.TYPE).query(Boolean.class).single());
    }

    @Test
    void an_escalated_hotline_work_order_is_supervised_once() throws Exception {
        UUID order = UUID.randomUUID();
        WorkOrderEscalated escalated = WorkOrderEscalated.of(TOWN, order, "城管办", TOWN + "-20261120-00007",
                LocalDate.now().minusDays(2), Instant.now());
        send(HotlineTopics.WORK_ORDER_EVENTS, order.toString(), WorkOrderEscalated.TYPE, escalated);
        send(HotlineTopics.WORK_ORDER_EVENTS, order.toString(), WorkOrderEscalated.TYPE,
                WorkOrderEscalated.of(TOWN, order, "城管办", TOWN + "-20261120-00007", LocalDate.now().minusDays(2), Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> tasksFor(order.toString()) >= 1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> tasksFor(order.toString()) == 1);
        String id = jdbc.sql("SELECT id FROM supervision_task WHERE origin_id = ?").param(order.toString()).query(String.class).single();
        JsonNode task = ok(clerk(TOWN).get(BASE + "/" + id));
        assertThat(task.get("origin").asString()).isEqualTo("HOTLINE_ESCALATION");
        assertThat(task.get("title").asString()).contains("-20261120-00007");
    }

    @Test
    void the_deadline_job_reminds_and_escalates_each_task_once_even_when_instances_run_it_together() throws Exception {
        Api clerk = clerk("440606002");
        String overdue = ok(clerk.post(BASE, "{\"title\":\"会议决定事项一\",\"ownerDepartment\":\"经发办\",\"deadlineWorkingDays\":5}"), 201)
                .get("id").asString();
        String soon = ok(clerk.post(BASE, "{\"title\":\"会议决定事项二\",\"ownerDepartment\":\"经发办\",\"deadlineWorkingDays\":1}"), 201)
                .get("id").asString();
        jdbc.sql("UPDATE supervision_task SET deadline = ? WHERE id = ?")
                .params(Date.valueOf(LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(3)), overdue).update();

        List<Callable<Integer>> instances = List.of(() -> supervision.checkDeadlines(200), () -> supervision.checkDeadlines(200),
                () -> supervision.checkDeadlines(200));
        var pool = Executors.newFixedThreadPool(3);
        try {
            for (var f : pool.invokeAll(instances)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        supervision.checkDeadlines(200);

        JsonNode late = ok(clerk.get(BASE + "/" + overdue));
        assertThat(late.get("escalated").asBoolean()).isTrue();
        assertThat(late.get("overdue").asBoolean()).isTrue();
        assertThat(actions(late, "超期升级")).isEqualTo(1);
        JsonNode reminded = ok(clerk.get(BASE + "/" + soon));
        assertThat(actions(reminded, "到期提醒")).isEqualTo(1);
        assertThat(ok(clerk.get(BASE + "?overdue=true&size=200")).toString()).contains(overdue).doesNotContain(soon);
    }

    @Test
    void bad_input_wrong_roles_and_illegal_moves_are_refused() {
        Api clerk = clerk(TOWN);
        long before = count("supervision_task");
        assertProblem(clerk.post(BASE, "{\"title\":\"x\",\"ownerDepartment\":\"经发办\"}"), 400, "deadline");
        assertProblem(clerk.post(BASE, "{\"title\":\"\",\"ownerDepartment\":\"经发办\",\"deadlineWorkingDays\":3}"), 400, "title");
        assertProblem(clerk.post(BASE, "{\"title\":\"x\",\"ownerDepartment\":\"经发办\",\"deadline\":\"2001-01-01\"}"), 400, "deadline");
        assertProblem(handler(TOWN, "经发办").post(BASE, "{\"title\":\"x\",\"ownerDepartment\":\"经发办\",\"deadlineWorkingDays\":3}"), 403, null);
        assertThat(anonymous().get(BASE).status()).isEqualTo(401);
        assertThat(count("supervision_task")).isEqualTo(before);

        String id = ok(clerk.post(BASE, "{\"title\":\"x\",\"ownerDepartment\":\"经发办\",\"deadlineWorkingDays\":3}"), 201).get("id").asString();
        Api.Response early = clerk.post(BASE + "/" + id + "/completion", "");
        assertProblem(early, 409, null);
        assertThat(json.readTree(early.body()).get("currentStatus").asString()).isEqualTo("ASSIGNED");
        assertProblem(clerk("440606105").get(BASE + "/" + id), 404, null);
        assertProblem(clerk.post(BASE + "/" + id + "/cancellation", "{}"), 400, "reason");
        ok(clerk.post(BASE + "/" + id + "/cancellation", "{\"reason\":\"事项取消\"}"));
    }

    private long tasksFor(String originId) {
        return jdbc.sql("SELECT COUNT(*) FROM supervision_task WHERE origin_id = ?").param(originId).query(Long.class).single();
    }

    private SupervisionCompleted completedEvent(String taskId) {
        String payload = jdbc.sql("SELECT payload FROM outbox_event WHERE message_key = ? AND event_type = ?")
                .params(taskId, SupervisionCompleted.TYPE).query(String.class).single();
        return json.readValue(payload, SupervisionCompleted.class);
    }

    private static long actions(JsonNode task, String action) {
        long n = 0;
        for (JsonNode t : task.get("transitions")) {
            if (action.equals(t.get("action").asString())) {
                n++;
            }
        }
        return n;
    }

    private void send(String topic, String key, String type, IntegrationEvent event) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json.writeValueAsString(event));
        record.headers().add(EventHeaders.EVENT_TYPE, type.getBytes(UTF_8));
        record.headers().add(EventHeaders.EVENT_ID, event.eventId().toString().getBytes(UTF_8));
        kafka.send(record).get();
    }
}
