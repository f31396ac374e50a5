package org.zhenwu.hotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.TestTokens;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The acceptance walk, over real HTTP, plus the agents' queues and the deadline job. */
@ZhenwuIntegrationTest
class WorkOrderLoopApiTest {
    static final String COMPLAINT = """
            {"type":"COMPLAINT","channel":"PHONE","category":"城市管理/占道经营","callerName":"张三",
             "callerPhone":"13800001234","location":"河滨路","content":"门口长期占道经营"}""";

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WorkOrderService workOrders;

    Api agent(String town, String name) {
        return new Api(port).as(TestTokens.tokenWith(name, town, "12345热线", "NONE", "HOTLINE_AGENT"));
    }

    Api handler(String town, String department) {
        return new Api(port).as(TestTokens.tokenWith("handler-" + department, town, department, "NONE", "DEPARTMENT_HANDLER"));
    }

    JsonNode ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return json.readTree(r.body());
    }

    @Test
    void a_repeat_request_merged_into_the_earlier_order_is_announced_so_it_leaves_the_counts_elsewhere_too() {
        String town = "440606103";
        Api agent = agent(town, "agent-m");
        String earlier = ok(agent.post("/api/hotline/work-orders", COMPLAINT), 201).get("id").asString();
        String repeat = ok(agent.post("/api/hotline/work-orders", COMPLAINT), 201).get("id").asString();

        JsonNode merged = ok(agent.post("/api/hotline/work-orders/" + repeat + "/merge", "{\"into\":\"" + earlier + "\"}"), 200);

        assertThat(merged.get("status").asString()).isEqualTo("MERGED");
        assertThat(jdbc.sql("SELECT event_type FROM outbox_event WHERE message_key = ? ORDER BY id").param(repeat)
                .query(String.class).list()).containsExactly("hotline.WorkOrderCreated", "hotline.WorkOrderMerged");
        String payload = jdbc.sql("SELECT payload FROM outbox_event WHERE message_key = ? AND event_type = ?")
                .params(repeat, "hotline.WorkOrderMerged").query(String.class).single();
        JsonNode event = json.readTree(payload);
        assertThat(event.get("mergedInto").asString()).isEqualTo(earlier);
        assertThat(event.get("orderType").asString()).isEqualTo("COMPLAINT");
        assertThat(event.get("acceptedAt").asString()).isNotBlank();
        assertThat(agent.post("/api/hotline/work-orders/" + earlier + "/merge", "{\"into\":\"" + repeat + "\"}").status())
                .as("nothing merges into a merged order").isEqualTo(409);
    }

    @Test
    void complaint_returned_redispatched_replied_reopened_replied_again_and_closed() {
        String town = "440606102";
        Api agent = agent(town, "agent-a");
        String id = ok(agent.post("/api/hotline/work-orders", COMPLAINT), 201).get("id").asString();
        String path = "/api/hotline/work-orders/" + id;

        ok(agent.post(path + "/dispatch", "{\"department\":\"市场监管所\"}"), 200);
        Api market = handler(town, "市场监管所");
        Api urban = handler(town, "城市管理办");
        assertThat(urban.get(path).status()).as("not sent to them").isEqualTo(404);
        Api.Response noReason = market.post(path + "/return", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"field\":\"reason\"");
        ok(market.post(path + "/return", "{\"reason\":\"占道经营属城管职责\"}"), 200);

        // the 派单目录 sends it to the right department this time
        ok(new Api(port).as(TestTokens.tokenWith("agent-a", town, null, "NONE", "HOTLINE_AGENT"))
                .put("/api/hotline/dispatch-rules", "{\"category\":\"城市管理\",\"department\":\"城市管理办\"}"), 200);
        JsonNode redispatched = ok(agent.post(path + "/dispatch", "{}"), 200);
        assertThat(redispatched.get("department").asString()).isEqualTo("城市管理办");
        assertThat(market.get(path).status()).isEqualTo(404);

        ok(urban.post(path + "/signature", ""), 200);
        JsonNode replied = ok(urban.post(path + "/reply", "{\"answer\":\"已清理\"}"), 200);
        assertThat(replied.get("callerPhone").asString()).isEqualTo("138****1234");
        assertThat(replied.get("queue").asString()).isEqualTo("REVISIT");

        JsonNode reopened = ok(agent.post(path + "/revisit", "{\"satisfaction\":\"DISSATISFIED\",\"note\":\"又回来了\"}"), 200);
        assertThat(reopened.get("status").asString()).isEqualTo("REOPENED");
        ok(agent.post(path + "/dispatch", "{}"), 200);
        ok(urban.post(path + "/signature", ""), 200);
        ok(urban.post(path + "/reply", "{\"answer\":\"已建立长效巡查机制\"}"), 200);
        Api.Response early = urban.post(path + "/reply", "{\"answer\":\"again\"}");
        assertThat(early.status()).isEqualTo(409);
        JsonNode closed = ok(agent.post(path + "/revisit", "{\"satisfaction\":\"SATISFIED\"}"), 200);
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");

        JsonNode trail = ok(agent.get(path), 200).get("transitions");
        List<String> statuses = new ArrayList<>();
        trail.forEach(t -> statuses.add(t.get("to").asString()));
        assertThat(statuses).containsExactly("ACCEPTED", "DISPATCHED", "RETURNED", "DISPATCHED", "SIGNED", "REPLIED",
                "REOPENED", "DISPATCHED", "SIGNED", "REPLIED", "CLOSED");
        assertThat(trail.get(2).get("note").asString()).isEqualTo("占道经营属城管职责");
        assertThat(jdbc.sql("SELECT event_type FROM outbox_event WHERE message_key = ? ORDER BY id").param(id)
                .query(String.class).list()).containsExactly("hotline.WorkOrderCreated", "hotline.WorkOrderDispatched",
                "hotline.WorkOrderDispatched", "hotline.WorkOrderReplied", "hotline.WorkOrderReopened",
                "hotline.WorkOrderDispatched", "hotline.WorkOrderReplied", "hotline.WorkOrderClosed");
    }

    @Test
    void a_department_lists_only_what_was_sent_to_it() {
        String town = "440606101";
        Api agent = agent(town, "agent-l");
        String mine = ok(agent.post("/api/hotline/work-orders", COMPLAINT), 201).get("id").asString();
        String theirs = ok(agent.post("/api/hotline/work-orders", COMPLAINT), 201).get("id").asString();
        ok(agent.post("/api/hotline/work-orders/" + mine + "/dispatch", "{\"department\":\"城市管理办\"}"), 200);
        ok(agent.post("/api/hotline/work-orders/" + theirs + "/dispatch", "{\"department\":\"市场监管所\"}"), 200);
        JsonNode list = ok(handler(town, "城市管理办").get("/api/hotline/work-orders"), 200);
        Set<String> ids = new HashSet<>();
        list.get("items").forEach(i -> ids.add(i.get("id").asString()));
        assertThat(ids).contains(mine).doesNotContain(theirs);
        assertThat(list.get("total").asLong()).isEqualTo(jdbc.sql(
                "SELECT COUNT(*) FROM work_order WHERE town_code = ? AND department = ?").params(town, "城市管理办")
                .query(Long.class).single());
        assertThat(list.get("totalExact").asBoolean()).isTrue();
        assertThat(handler(town, "城市管理办").post("/api/hotline/work-orders/" + theirs + "/signature", "").status())
                .isEqualTo(404);
    }

    @Test
    void sixteen_agents_claiming_at_once_never_get_the_same_order_and_urgent_ones_come_first() throws Exception {
        String town = "440606003";
        Api filer = agent(town, "filer");
        String urgent = ok(filer.post("/api/hotline/work-orders", COMPLAINT.replace("\"PHONE\"", "\"PHONE\",\"urgency\":\"URGENT\"")), 201)
                .get("id").asString();
        for (int i = 0; i < 11; i++) {
            ok(filer.post("/api/hotline/work-orders", COMPLAINT), 201);
        }
        assertThat(json.readTree(agent(town, "first").post("/api/hotline/queues/DISPATCH/claims", "").body())
                .get("id").asString()).isEqualTo(urgent);

        List<Callable<String>> claims = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            Api a = agent(town, "agent-" + i);
            claims.add(() -> {
                Api.Response r = a.post("/api/hotline/queues/DISPATCH/claims", "");
                return r.status() == 204 ? null : json.readTree(r.body()).get("id").asString();
            });
        }
        List<String> got = new ArrayList<>();
        var pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<String> f : pool.invokeAll(claims)) {
                if (f.get() != null) {
                    got.add(f.get());
                }
            }
        } finally {
            pool.shutdown();
        }
        assertThat(got).hasSize(11).doesNotHaveDuplicates().doesNotContain(urgent);
        assertThat(agent(town, "late").post("/api/hotline/queues/DISPATCH/claims", "").status()).isEqualTo(204);

        // a held order can't be acted on by another agent; an expired lease frees it
        String held = got.get(0);
        Api.Response blocked = agent(town, "intruder").post("/api/hotline/work-orders/" + held + "/dispatch",
                "{\"department\":\"城市管理办\"}");
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(json.readTree(blocked.body()).get("rule").asString()).isEqualTo("held-by-another-agent");
        jdbc.sql("UPDATE work_order SET lease_until = TIMESTAMPADD(MINUTE, -1, CURRENT_TIMESTAMP(6)) WHERE id = ?")
                .param(held).update();
        assertThat(json.readTree(agent(town, "late").post("/api/hotline/queues/DISPATCH/claims", "").body())
                .get("id").asString()).isEqualTo(held);
    }

    @Test
    void the_claim_query_uses_the_queue_index() {
        List<String> plan = jdbc.sql("EXPLAIN " + QueueSql.CLAIM_SQL)
                .params("440606104", "DISPATCH", LocalDate.now(), new java.sql.Timestamp(System.currentTimeMillis()))
                .query((rs, i) -> rs.getString("key")).list();
        assertThat(plan).containsExactly("ix_work_order_queue");
    }

    @Test
    void the_deadline_job_escalates_an_overdue_order_once_and_announces_it() {
        String town = "440606004";
        Api agent = agent(town, "agent-d");
        String id = ok(agent.post("/api/hotline/work-orders", COMPLAINT), 201).get("id").asString();
        ok(agent.post("/api/hotline/work-orders/" + id + "/dispatch", "{\"department\":\"城市管理办\"}"), 200);
        jdbc.sql("UPDATE work_order SET due_date = ? WHERE id = ?").params(Date.valueOf(LocalDate.now().minusDays(3)), id).update();

        workOrders.checkDeadlines(200);
        workOrders.checkDeadlines(200);

        JsonNode order = ok(agent.get("/api/hotline/work-orders/" + id), 200);
        assertThat(order.get("escalated").asBoolean()).isTrue();
        assertThat(order.get("queue").asString()).isEqualTo("OVERDUE");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE message_key = ? AND event_type = 'hotline.WorkOrderEscalated'")
                .param(id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_consultation_is_answered_and_closed_at_once() {
        Api agent = agent("440606002", "agent-c");
        String id = ok(agent.post("/api/hotline/work-orders", COMPLAINT.replace("COMPLAINT", "CONSULTATION")), 201)
                .get("id").asString();
        JsonNode closed = ok(agent.post("/api/hotline/work-orders/" + id + "/answer", "{\"answer\":\"请到社保窗口办理\"}"), 200);
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(UUID.fromString(closed.get("id").asString())).isNotNull();
    }
}
