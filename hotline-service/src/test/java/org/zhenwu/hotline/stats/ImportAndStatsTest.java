package org.zhenwu.hotline.stats;

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

/** A town brings in its earlier years, and the figures of the annual summary come out of them. */
@ZhenwuIntegrationTest
class ImportAndStatsTest {
    static final String TOWN = "440606100";
    static final String YEAR_2019 = String.join("\n",
            "{\"sourceId\":\"old-1\",\"acceptedAt\":\"2019-03-04T09:30:00\",\"type\":\"COMPLAINT\",\"channel\":\"PHONE\",\"category\":\"城市管理/占道经营\",\"content\":\"占道\",\"status\":\"CLOSED\",\"department\":\"城市管理办\",\"dispatchedAt\":\"2019-03-04T10:00:00\",\"signedAt\":\"2019-03-04T11:00:00\",\"repliedAt\":\"2019-03-08T16:00:00\",\"reply\":\"已处理\",\"satisfaction\":\"SATISFIED\",\"closedAt\":\"2019-03-11T10:00:00\"}",
            "{\"sourceId\":\"old-2\",\"acceptedAt\":\"2019-06-03T09:00:00\",\"type\":\"HELP\",\"channel\":\"WECHAT\",\"category\":\"供水\",\"content\":\"停水\",\"dueDate\":\"2019-06-04\",\"status\":\"CLOSED\",\"department\":\"水务所\",\"dispatchedAt\":\"2019-06-03T09:10:00\",\"signedAt\":\"2019-06-06T09:00:00\",\"repliedAt\":\"2019-06-10T09:00:00\",\"reply\":\"已恢复\",\"satisfaction\":\"BASICALLY_SATISFIED\",\"closedAt\":\"2019-06-11T09:00:00\"}",
            "{\"sourceId\":\"old-3\",\"acceptedAt\":\"2019-09-02T09:00:00\",\"type\":\"COMPLAINT\",\"channel\":\"PHONE\",\"category\":\"噪音\",\"content\":\"工地夜间施工\",\"status\":\"REPLIED\",\"department\":\"城市管理办\",\"reply\":\"已责令停工\"}",
            "",
            "{\"sourceId\":\"old-4\",\"acceptedAt\":\"2019-10-08T09:00:00\",\"type\":\"CONSULTATION\",\"channel\":\"PHONE\",\"category\":\"社保\",\"content\":\"医保转移\",\"status\":\"CLOSED\",\"reply\":\"携带身份证到窗口\"}");
    static final String YEAR_2018_CSV = """
            sourceId,acceptedAt,type,channel,category,content,status,department
            old-2018-1,2018-05-02T09:00:00,SUGGESTION,WEB,"城市管理/绿化","建议增加\"\"口袋公园\"\"",DISPATCHED,城市管理办
            old-2018-2,2018-11-20T15:00:00,REPORT,PHONE,安全生产,"仓库违规储存, 有隐患",ACCEPTED,
            """;

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    Api agent() {
        return new Api(port).as(TestTokens.tokenWith("agent-import", TOWN, "12345热线", "NONE", "HOTLINE_AGENT"));
    }

    Api.Response post(String contentType, String body) {
        return agent().send(agent().request("/api/hotline/work-orders/imports").header("Content-Type", contentType + "; charset=UTF-8")
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

        assertThat(jdbc.sql("SELECT content FROM work_order WHERE source_id = 'old-2018-1'").query(String.class).single())
                .isEqualTo("建议增加\"口袋公园\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'hotline.WorkOrderClosed' AND payload LIKE '%" + TOWN + "%'")
                .query(Long.class).single()).isEqualTo(3);

        JsonNode stats = json.readTree(agent().get("/api/hotline/stats?from=2019-01-01&to=2019-12-31").body());
        assertThat(stats.get("total").asLong()).isEqualTo(4);
        assertThat(stats.get("previousYearTotal").asLong()).isEqualTo(2);
        assertThat(stats.get("yearOnYearChangePercent").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(stats.get("byType").get("COMPLAINT").asLong()).isEqualTo(2);
        assertThat(stats.get("byChannel").get("WECHAT").asLong()).isEqualTo(1);
        assertThat(stats.get("byDepartment").get("城市管理办").asLong()).isEqualTo(2);
        // old-1 signed the same day; old-2 signed three days after dispatch: 1 of 3 dispatched... old-3 signed at dispatch
        assertThat(stats.get("dispatched").asLong()).isEqualTo(3);
        assertThat(stats.get("signedOnTime").asLong()).isEqualTo(2);
        // closed: old-1 on time, old-2 replied after its due date, old-4 answered at once
        assertThat(stats.get("closed").asLong()).isEqualTo(3);
        assertThat(stats.get("closedOnTime").asLong()).isEqualTo(2);
        assertThat(stats.get("onTimeClosureRate").decimalValue()).isEqualByComparingTo("66.7");
        assertThat(stats.get("satisfactionRate").decimalValue()).isEqualByComparingTo("100.0");
    }

    @Test
    void a_file_with_bad_rows_is_refused_whole_naming_each_line_and_field() {
        long before = jdbc.sql("SELECT COUNT(*) FROM work_order").query(Long.class).single();
        String bad = String.join("\n",
                "{\"sourceId\":\"bad-1\",\"acceptedAt\":\"2019-03-04T09:30:00\",\"type\":\"COMPLAINT\",\"channel\":\"PHONE\",\"category\":\"x\",\"content\":\"fine\",\"status\":\"ACCEPTED\"}",
                "{\"sourceId\":\"bad-2\",\"acceptedAt\":\"yesterday\",\"type\":\"GRUMBLE\",\"channel\":\"PHONE\",\"category\":\"x\",\"status\":\"ACCEPTED\"}",
                "not json at all");
        Api.Response r = post("application/x-ndjson", bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.body()).contains("line 2: acceptedAt", "line 2: type", "line 2: content", "line 3: line");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM work_order").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void figures_are_scoped_to_the_callers_towns() {
        Api other = new Api(port).as(TestTokens.token("agent-x", "440606105", "HOTLINE_AGENT"));
        assertThat(other.get("/api/hotline/stats?town=" + TOWN).status()).isEqualTo(403);
        Api.Response badRange = agent().get("/api/hotline/stats?from=2019-12-31&to=2019-01-01");
        assertThat(badRange.status()).isEqualTo(400);
        assertThat(badRange.body()).contains("\"field\":\"to\"");
        assertThat(agent().get("/api/hotline/stats?from=31/12/2019").body()).contains("\"field\":\"from\"");
    }
}
