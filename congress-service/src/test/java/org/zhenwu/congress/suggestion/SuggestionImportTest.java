package org.zhenwu.congress.suggestion;

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
 * The suggestions import writes a file's suggestions together (numbers reserved per session and kind, multi-row
 * inserts): what it writes must read back and move on as a live suggestion does, and a bad row anywhere leaves
 * nothing.
 */
@ZhenwuIntegrationTest
class SuggestionImportTest {
    static final String TOWN = "440606103";

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    Api staff() {
        return new Api(port).as(TestTokens.tokenWith("staff-bulk", TOWN, "人大办", "NONE", "CONGRESS_STAFF"));
    }

    Api.Response post(String body) {
        return staff().send(staff().request("/api/congress/suggestions/imports")
                .header("Content-Type", "application/x-ndjson; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    JsonNode ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return json.readTree(r.body());
    }

    static String row(String sourceId, String session, String status, String extra) {
        return "{\"sourceId\":\"" + sourceId + "\",\"session\":\"" + session + "\",\"title\":\"关于" + sourceId
                + "的建议\",\"content\":\"…\",\"deputies\":[\"陈国强\",\"李秀英\"],\"submittedAt\":\"2016-01-10T09:00:00\","
                + "\"status\":\"" + status + "\"" + extra + "}";
    }

    static final String REPLIED = ",\"leadUnit\":\"规划建设办\",\"coUnits\":[\"财政办\",\"城管办\"],"
            + "\"assignedAt\":\"2016-01-18T10:00:00\",\"category\":\"A\",\"reply\":\"已建成\",\"repliedAt\":\"2016-04-10T10:00:00\"";

    @Test
    void a_files_suggestions_are_numbered_per_session_in_file_order_read_back_whole_and_move_on() {
        String p = "num-" + UUID.randomUUID() + "-";
        String session = "第十六届人大第" + p.substring(4, 10) + "次会议";
        String other = session + "(二)";
        String first = String.join("\n",
                row(p + 1, session, "REGISTERED", ""),
                row(p + 2, session, "REPLIED", REPLIED),
                row(p + 3, other, "CLOSED", REPLIED + ",\"satisfaction\":\"SATISFIED\",\"feedbackAt\":\"2016-04-20T10:00:00\""),
                row(p + 4, session, "SUBMITTED", ""),
                row(p + 5, session, "ASSIGNED", ",\"leadUnit\":\"城管办\",\"assignedAt\":\"2016-01-18T10:00:00\""));
        assertThat(ok(post(first), 201).get("imported").asInt()).isEqualTo(5);
        ok(post(row(p + 6, session, "REGISTERED", "")), 201);

        assertThat(numbers(p)).containsExactly(1, 2, 1, null, 3, 4);

        JsonNode replied = ok(staff().get("/api/congress/suggestions/" + id(p + 2)), 200);
        assertThat(replied.get("status").asString()).isEqualTo("REPLIED");
        assertThat(replied.get("deputies").toString()).isEqualTo("[\"陈国强\",\"李秀英\"]");
        assertThat(replied.get("coUnits").toString()).isEqualTo("[\"财政办\",\"城管办\"]");
        assertThat(replied.get("replies")).hasSize(1);
        assertThat(replied.get("replies").get(0).get("content").asString()).isEqualTo("已建成");
        List<String> trail = new ArrayList<>();
        replied.get("transitions").forEach(t -> trail.add(t.get("to").asString()));
        assertThat(trail).containsExactly("SUBMITTED", "REGISTERED", "ASSIGNED", "REPLIED");

        // an imported replied suggestion takes the deputies' feedback like a live one
        JsonNode closed = ok(staff().post("/api/congress/suggestions/" + id(p + 2) + "/feedback",
                "{\"satisfaction\":\"SATISFIED\"}"), 200);
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");

        long events = events(p);
        assertThat(events).as("replies and feedback announced").isPositive();
        JsonNode again = ok(post(first), 201);
        assertThat(again.get("imported").asInt()).isZero();
        assertThat(again.get("skipped").asInt()).isEqualTo(5);
        assertThat(events(p)).as("a resend announces nothing").isEqualTo(events);
    }

    @Test
    void a_bad_row_in_the_middle_of_a_long_file_leaves_nothing_written() {
        String p = "bad-" + UUID.randomUUID() + "-";
        String session = "第十六届人大第" + p.substring(4, 10) + "次会议";
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 700; i++) {
            lines.add(row(p + i, session, "REPLIED", i == 351 ? ",\"leadUnit\":\"规划建设办\"" : REPLIED));
        }
        Api.Response r = post(String.join("\n", lines));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.body()).contains("line 351: ");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM suggestion WHERE source_id LIKE ?").param(p + "%").query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM suggestion_counter WHERE town_code = ? AND session = ?")
                .params(TOWN, session).query(Long.class).single()).as("no number taken").isZero();

        lines.set(350, row(p + 351, session, "REPLIED", REPLIED));
        assertThat(ok(post(String.join("\n", lines)), 201).get("imported").asInt()).isEqualTo(700);
        assertThat(jdbc.sql("SELECT last_seq FROM suggestion_counter WHERE town_code = ? AND session = ?")
                .params(TOWN, session).query(Integer.class).single()).isEqualTo(700);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM suggestion_co_unit c JOIN suggestion s ON s.id = c.suggestion_id WHERE s.source_id LIKE ?")
                .param(p + "%").query(Long.class).single()).isEqualTo(1_400);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM suggestion_reply c JOIN suggestion s ON s.id = c.suggestion_id WHERE s.source_id LIKE ?")
                .param(p + "%").query(Long.class).single()).isEqualTo(700);
    }

    private List<Integer> numbers(String prefix) {
        return jdbc.sql("SELECT registration_number FROM suggestion WHERE source_id LIKE ? ORDER BY CAST(SUBSTRING(source_id, ?) AS UNSIGNED)")
                .params(prefix + "%", prefix.length() + 1).query((rs, n) -> (Integer) rs.getObject(1, Integer.class)).list();
    }

    private String id(String sourceId) {
        return jdbc.sql("SELECT id FROM suggestion WHERE source_id = ?").param(sourceId).query(String.class).single();
    }

    private long events(String prefix) {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_event e JOIN suggestion s ON e.message_key = s.id WHERE s.source_id LIKE ?")
                .param(prefix + "%").query(Long.class).single();
    }
}
