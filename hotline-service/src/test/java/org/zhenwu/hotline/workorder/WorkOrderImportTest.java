package org.zhenwu.hotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.TestTokens;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The work-order import writes a file's orders together (numbers reserved per day, multi-row inserts): what it
 * writes must read back and move on as a live order does, and a bad row anywhere leaves nothing.
 */
@ZhenwuIntegrationTest
class WorkOrderImportTest {
    static final String TOWN = "440606103";

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    Api agent() {
        return new Api(port).as(TestTokens.tokenWith("agent-bulk", TOWN, "12345热线", "NONE", "HOTLINE_AGENT"));
    }

    Api.Response post(String body) {
        return agent().send(agent().request("/api/hotline/work-orders/imports")
                .header("Content-Type", "application/x-ndjson; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    JsonNode ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return json.readTree(r.body());
    }

    static String row(String sourceId, String day, String status, String extra) {
        return "{\"sourceId\":\"" + sourceId + "\",\"acceptedAt\":\"" + day + "T09:30:00\",\"type\":\"COMPLAINT\","
                + "\"channel\":\"PHONE\",\"category\":\"城市管理/占道经营\",\"content\":\"占道\",\"status\":\"" + status + "\""
                + extra + "}";
    }

    static final String REPLIED = ",\"department\":\"城市管理办\",\"reply\":\"已处理\"";

    @Test
    void a_files_orders_are_numbered_per_day_in_file_order_read_back_with_their_trail_and_move_on() {
        String p = "num-" + UUID.randomUUID() + "-";
        String first = String.join("\n",
                row(p + 1, "2016-03-01", "ACCEPTED", ""),
                row(p + 2, "2016-03-02", "REPLIED", REPLIED + ",\"dispatchedAt\":\"2016-03-02T10:00:00\",\"signedAt\":\"2016-03-02T11:00:00\",\"repliedAt\":\"2016-03-03T16:00:00\""),
                row(p + 3, "2016-03-01", "CLOSED", REPLIED + ",\"satisfaction\":\"SATISFIED\",\"closedAt\":\"2016-03-04T10:00:00\""),
                row(p + 4, "2016-03-01", "DISPATCHED", ",\"department\":\"城市管理办\""));
        assertThat(ok(post(first), 201).get("imported").asInt()).isEqualTo(4);
        ok(post(row(p + 5, "2016-03-01", "ACCEPTED", "")), 201);

        assertThat(numbers(p)).containsExactly(TOWN + "-20160301-00001", TOWN + "-20160302-00001",
                TOWN + "-20160301-00002", TOWN + "-20160301-00003", TOWN + "-20160301-00004");

        JsonNode replied = ok(agent().get("/api/hotline/work-orders/" + id(p + 2)), 200);
        assertThat(replied.get("status").asString()).isEqualTo("REPLIED");
        assertThat(replied.get("department").asString()).isEqualTo("城市管理办");
        assertThat(replied.get("acceptedAt").asString()).isEqualTo("2016-03-02T01:30:00Z");
        List<String> trail = new ArrayList<>();
        replied.get("transitions").forEach(t -> trail.add(t.get("to").asString()));
        assertThat(trail).containsExactly("ACCEPTED", "DISPATCHED", "SIGNED", "REPLIED");
        assertThat(jdbc.sql("SELECT signed_on_time FROM work_order WHERE source_id = ?").param(p + 2)
                .query(Boolean.class).single()).isTrue();

        // an imported replied order is revisited like a live one (its row loads and takes the change)
        JsonNode closed = ok(agent().post("/api/hotline/work-orders/" + id(p + 2) + "/revisit",
                "{\"satisfaction\":\"SATISFIED\"}"), 200);
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");

        assertThat(events(p, "hotline.WorkOrderCreated")).as("one per order").isEqualTo(5);
        assertThat(events(p, "hotline.WorkOrderDispatched")).isEqualTo(3);
        assertThat(events(p, "hotline.WorkOrderClosed")).as("the imported one and the revisit").isEqualTo(2);

        JsonNode again = ok(post(first), 201);
        assertThat(again.get("imported").asInt()).isZero();
        assertThat(again.get("skipped").asInt()).isEqualTo(4);
        assertThat(events(p, "hotline.WorkOrderCreated")).as("a resend announces nothing").isEqualTo(5);
    }

    @Test
    void a_bad_row_in_the_middle_of_a_long_file_leaves_nothing_written() {
        String p = "bad-" + UUID.randomUUID() + "-";
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 1_200; i++) {
            lines.add(row(p + i, "2016-05-0" + (2 + i % 4), i == 601 ? "CLOSED" : "REPLIED", i == 601 ? "" : REPLIED));
        }
        Api.Response r = post(String.join("\n", lines));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.body()).contains("line 601: reply");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM work_order WHERE source_id LIKE ?").param(p + "%").query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM work_order_counter WHERE town_code = ? AND day BETWEEN '2016-05-01' AND '2016-05-31'")
                .param(TOWN).query(Long.class).single()).as("no number taken").isZero();

        lines.set(600, row(p + 601, "2016-05-03", "REPLIED", REPLIED));
        assertThat(ok(post(String.join("\n", lines)), 201).get("imported").asInt()).isEqualTo(1_200);
        assertThat(events(p, "hotline.WorkOrderReplied")).isEqualTo(1_200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM work_order_transition t JOIN work_order o ON o.id = t.work_order_id WHERE o.source_id LIKE ?")
                .param(p + "%").query(Long.class).single()).as("accepted, dispatched, signed, replied each").isEqualTo(4_800);
        assertThat(jdbc.sql("SELECT MAX(last_seq) FROM work_order_counter WHERE town_code = ? AND day BETWEEN '2016-05-01' AND '2016-05-31'")
                .param(TOWN).query(Integer.class).single()).isEqualTo(300);
    }

    private List<String> numbers(String prefix) {
        return jdbc.sql("SELECT order_number FROM work_order WHERE source_id LIKE ? ORDER BY CAST(SUBSTRING(source_id, ?) AS UNSIGNED)")
                .params(prefix + "%", prefix.length() + 1).query(String.class).list();
    }

    private String id(String sourceId) {
        return jdbc.sql("SELECT id FROM work_order WHERE source_id = ?").param(sourceId).query(String.class).single();
    }

    private long events(String prefix, String type) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_event e JOIN work_order o ON e.message_key = o.id WHERE o.source_id LIKE ? AND e.event_type = ?")
                .params(prefix + "%", type).query(Long.class).single();
    }
}
