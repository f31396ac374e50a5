package org.zhenwu.congress.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.TestTokens;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A town brings in its earlier years of suggestions, and the congress lines of the annual summary come out of them. */
@ZhenwuIntegrationTest
class ImportAndStatsTest {
    static final String TOWN = "440606004";
    static final String YEAR_2019 = String.join("\n",
            "{\"sourceId\":\"s-1\",\"session\":\"第十七届人大第七次会议\",\"title\":\"关于东延线的建议\",\"content\":\"…\",\"deputies\":[\"陈国强\",\"李秀英\"],\"submittedAt\":\"2019-01-10T09:00:00\",\"status\":\"CLOSED\",\"leadUnit\":\"规划建设办\",\"coUnits\":[\"财政办\"],\"assignedAt\":\"2019-01-18T10:00:00\",\"category\":\"A\",\"reply\":\"已建成\",\"repliedAt\":\"2019-04-10T10:00:00\",\"satisfaction\":\"SATISFIED\",\"feedbackAt\":\"2019-04-20T10:00:00\"}",
            "{\"sourceId\":\"s-2\",\"session\":\"第十七届人大第七次会议\",\"title\":\"关于长者饭堂的建议\",\"content\":\"…\",\"deputies\":\"王建华\",\"submittedAt\":\"2019-01-10T09:00:00\",\"status\":\"TRACKING\",\"leadUnit\":\"社会事务办\",\"assignedAt\":\"2019-01-18T10:00:00\",\"category\":\"B\",\"reply\":\"列入2020年计划\",\"repliedAt\":\"2019-04-25T10:00:00\",\"satisfaction\":\"BASICALLY_SATISFIED\"}",
            "",
            "{\"sourceId\":\"s-3\",\"session\":\"第十七届人大第七次会议\",\"title\":\"关于停车的建议\",\"content\":\"…\",\"deputies\":\"赵六\",\"submittedAt\":\"2019-01-11T09:00:00\",\"status\":\"CLOSED\",\"leadUnit\":\"城管办\",\"assignedAt\":\"2019-01-18T10:00:00\",\"category\":\"D\",\"reply\":\"留作参考\",\"repliedAt\":\"2019-03-01T10:00:00\",\"satisfaction\":\"DISSATISFIED\"}",
            "{\"sourceId\":\"p-1\",\"kind\":\"PROPOSAL\",\"proposerType\":\"SECTOR\",\"proposerGroup\":\"经济界\",\"session\":\"区政协十四届四次会议\",\"title\":\"提案\",\"content\":\"…\",\"submittedAt\":\"2019-02-20T09:00:00\",\"status\":\"REGISTERED\"}");
    static final String YEAR_2018_CSV = """
            sourceId,session,title,content,deputies,submittedAt,status,leadUnit,category,reply
            s-2018-1,第十七届人大第五次会议,"关于""口袋公园""的建议","建议增加, 口袋公园",陈国强;李秀英,2018-01-12T09:00:00,REPLIED,城管办,A,已建成
            """;

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    Api staff() {
        return new Api(port).as(TestTokens.tokenWith("staff-import", TOWN, "人大办", "NONE", "CONGRESS_STAFF"));
    }

    Api.Response post(String contentType, String body) {
        return staff().send(staff().request("/api/congress/suggestions/imports").header("Content-Type", contentType + "; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void a_towns_earlier_years_come_in_once_and_give_its_figures() {
        Api.Response first = post("application/x-ndjson", YEAR_2019);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(json.readTree(first.body()).get("imported").asInt()).isEqualTo(4);
        Api.Response again = post("application/x-ndjson", YEAR_2019);
        assertThat(json.readTree(again.body()).get("skipped").asInt()).isEqualTo(4);
        Api.Response csv = post("text/csv", YEAR_2018_CSV);
        assertThat(csv.status()).as(csv.body()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT title FROM suggestion WHERE source_id = 's-2018-1'").query(String.class).single())
                .isEqualTo("关于\"口袋公园\"的建议");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'congress.SuggestionAssigned' AND payload LIKE '%" + TOWN + "%'")
                .query(Long.class).single()).as("history opens no 督办 task").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'congress.SuggestionClosed' AND payload LIKE '%" + TOWN + "%'")
                .query(Long.class).single()).isEqualTo(2);

        JsonNode stats = json.readTree(staff().get("/api/congress/stats?from=2019-01-01&to=2019-12-31").body());
        JsonNode suggestions = stats.get("byKind").get("SUGGESTION");
        assertThat(suggestions.get("received").asLong()).isEqualTo(3);
        assertThat(suggestions.get("replied").asLong()).isEqualTo(3);
        // s-2 answered on 25 April, after its 18 April deadline
        assertThat(suggestions.get("repliedOnTime").asLong()).isEqualTo(2);
        assertThat(suggestions.get("onTimeReplyRate").decimalValue()).isEqualByComparingTo("66.7");
        assertThat(suggestions.get("byCategory").get("A").asLong()).isEqualTo(1);
        assertThat(suggestions.get("byCategory").get("B").asLong()).isEqualTo(1);
        assertThat(suggestions.get("byCategory").get("D").asLong()).isEqualTo(1);
        assertThat(suggestions.get("tracking").asLong()).isEqualTo(1);
        assertThat(suggestions.get("closed").asLong()).isEqualTo(2);
        assertThat(suggestions.get("satisfactionRate").decimalValue()).isEqualByComparingTo("66.7");
        assertThat(stats.get("byKind").get("PROPOSAL").get("received").asLong()).isEqualTo(1);
        assertThat(stats.get("byKind").get("PROPOSAL").get("onTimeReplyRate").isNull()).isTrue();

        JsonNode previous = json.readTree(staff().get("/api/congress/stats?from=2018-01-01&to=2018-12-31").body());
        assertThat(previous.get("byKind").get("SUGGESTION").get("received").asLong()).isEqualTo(1);
    }

    @Test
    void a_file_with_bad_rows_is_refused_whole_naming_each_line_and_field() {
        long before = jdbc.sql("SELECT COUNT(*) FROM suggestion").query(Long.class).single();
        String bad = String.join("\n",
                "{\"sourceId\":\"bad-1\",\"session\":\"s\",\"title\":\"t\",\"content\":\"c\",\"deputies\":\"甲\",\"submittedAt\":\"2019-01-10T09:00:00\",\"status\":\"SUBMITTED\"}",
                "{\"sourceId\":\"bad-2\",\"session\":\"s\",\"title\":\"t\",\"content\":\"c\",\"deputies\":\"甲\",\"submittedAt\":\"yesterday\",\"status\":\"CLOSED\",\"category\":\"E\"}",
                "{\"sourceId\":\"bad-3\",\"session\":\"s\",\"title\":\"t\",\"content\":\"c\",\"deputies\":\"甲\",\"submittedAt\":\"2019-01-10T09:00:00\",\"status\":\"CLOSED\",\"leadUnit\":\"x\",\"category\":\"B\",\"reply\":\"r\",\"satisfaction\":\"SATISFIED\"}",
                "not json at all");
        Api.Response r = post("application/x-ndjson", bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.body()).contains("line 2: submittedAt", "line 2: category", "line 2: leadUnit", "line 4: line");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM suggestion").query(Long.class).single()).isEqualTo(before);

        Api.Response inconsistent = post("application/x-ndjson", bad.lines().toList().get(2));
        assertThat(inconsistent.status()).isEqualTo(400);
        assertThat(inconsistent.body()).as("a B reply with a good verdict is tracked, not closed").contains("line 1: status", "TRACKING");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM suggestion").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void figures_are_scoped_to_the_callers_towns_and_the_period_is_checked() {
        Api other = new Api(port).as(TestTokens.token("staff-x", "440606105", "CONGRESS_STAFF"));
        assertThat(other.get("/api/congress/stats?town=" + TOWN).status()).isEqualTo(403);
        Api.Response badRange = staff().get("/api/congress/stats?from=2019-12-31&to=2019-01-01");
        assertThat(badRange.status()).isEqualTo(400);
        assertThat(badRange.body()).contains("\"field\":\"to\"");
        assertThat(staff().get("/api/congress/stats?from=31/12/2019").body()).contains("\"field\":\"from\"");
        assertThat(new Api(port).get("/api/congress/stats").status()).isEqualTo(401);
        Api district = new Api(port).as(TestTokens.token("district", "DISTRICT", "DISTRICT_ADMIN"));
        JsonNode all = json.readTree(district.get("/api/congress/stats?from=2019-01-01&to=2019-12-31").body());
        assertThat(all.get("towns")).hasSize(10);
        Api clerk = new Api(port).as(TestTokens.token("clerk", TOWN, "OFFICE_CLERK"));
        assertThat(clerk.post("/api/congress/suggestions/imports", "x").status()).isIn(403, 415);
    }
}
