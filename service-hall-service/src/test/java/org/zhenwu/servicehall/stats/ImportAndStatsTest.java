package org.zhenwu.servicehall.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;
import org.zhenwu.servicehall.support.Hall;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Towns bring in their earlier years, and the service-hall lines of the annual summary come out of them. */
@ZhenwuIntegrationTest
class ImportAndStatsTest {
    static final String CHENCUN = "440606100";
    static final String RONGGUI = "440606002";
    static final String DALIANG = "440606001";
    static final String YEAR_2019 = String.join("\n",
            "{\"sourceId\":\"s-1\",\"matterCode\":\"LC-MZ-0012\",\"matterName\":\"最低生活保障\",\"department\":\"社会事务办\",\"promisedLimitDays\":\"15\",\"acceptedAt\":\"2019-03-04T09:30:00\",\"status\":\"COMPLETED\",\"completedAt\":\"2019-03-20T16:00:00\"}",
            "{\"sourceId\":\"s-2\",\"matterCode\":\"LC-MZ-0013\",\"matterName\":\"临时救助\",\"department\":\"社会事务办\",\"promisedLimitDays\":\"5\",\"acceptedAt\":\"2019-04-01T10:00:00\",\"status\":\"COMPLETED\",\"completedAt\":\"2019-04-10T10:00:00\"}",
            "{\"sourceId\":\"s-3\",\"matterCode\":\"LC-GH-0001\",\"matterName\":\"乡村建设规划许可\",\"department\":\"规划建设办\",\"promisedLimitDays\":\"10\",\"acceptedAt\":\"2019-06-03T10:00:00\",\"status\":\"ACCEPTED\"}",
            "",
            "{\"sourceId\":\"s-4\",\"matterCode\":\"LC-GH-0002\",\"matterName\":\"门牌证明\",\"department\":\"规划建设办\",\"promisedLimitDays\":\"0\",\"acceptedAt\":\"2019-07-01T10:00:00\",\"status\":\"DELIVERED\",\"completedAt\":\"2019-07-01T11:00:00\",\"deliveredAt\":\"2019-07-01T11:05:00\"}",
            "{\"sourceId\":\"s-5\",\"matterCode\":\"LC-MZ-0012\",\"matterName\":\"最低生活保障\",\"department\":\"社会事务办\",\"promisedLimitDays\":\"15\",\"acceptedAt\":\"2019-09-02T10:00:00\",\"status\":\"COMPLETED\",\"outcome\":\"REJECTED\",\"legalBasis\":\"《社会救助暂行办法》第九条\",\"completedAt\":\"2019-09-05T10:00:00\"}",
            "{\"sourceId\":\"s-6\",\"matterCode\":\"LC-MZ-0012\",\"matterName\":\"最低生活保障\",\"department\":\"社会事务办\",\"promisedLimitDays\":\"15\",\"acceptedAt\":\"2019-10-08T10:00:00\",\"status\":\"WITHDRAWN\"}");
    static final String YEAR_2018_CSV = """
            sourceId,matterCode,matterName,department,promisedLimitDays,acceptedAt,status,completedAt,channel
            s-2018-1,LC-MZ-0012,"最低生活保障, 旧版",社会事务办,15,2018-11-20T15:00:00,COMPLETED,2018-11-23T15:00:00,KIOSK
            """;

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FigureRollupService rollups;

    Hall hall() {
        return new Hall(port, json);
    }

    Api.Response post(Api api, String town, String contentType, String body) {
        return api.send(api.request(Hall.BASE + "/applications/imports" + (town == null ? "" : "?town=" + town))
                .header("Content-Type", contentType + "; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void a_towns_earlier_years_come_in_once_give_its_figures_and_its_place_among_the_towns() {
        Hall hall = hall();
        Api clerk = hall.clerk(CHENCUN);
        JsonNode first = hall.ok(post(clerk, null, "application/x-ndjson", YEAR_2019), 201);
        assertThat(first.get("imported").asInt()).isEqualTo(6);
        assertThat(hall.ok(post(clerk, null, "application/x-ndjson", YEAR_2019), 201).get("skipped").asInt()).isEqualTo(6);
        hall.ok(post(clerk, null, "text/csv", YEAR_2018_CSV), 201);
        hall.ok(post(hall.district(), RONGGUI, "application/x-ndjson", String.join("\n",
                YEAR_2019.lines().filter(l -> l.contains("s-1") || l.contains("s-4")).toList())), 201);
        assertThat(jdbc.sql("SELECT matter_name FROM application WHERE source_id = 's-2018-1'").query(String.class).single())
                .isEqualTo("最低生活保障, 旧版");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'service-hall.ApplicationCompleted' AND payload LIKE ?")
                .param("%\"jurisdiction\":\"" + CHENCUN + "\"%").query(Long.class).single()).as("announced like live ones").isEqualTo(5);

        JsonNode stats = hall.ok(clerk.get(Hall.BASE + "/stats?from=2019-01-01&to=2019-12-31"), 200);
        assertThat(stats.get("accepted").asLong()).as("the withdrawn one is left out").isEqualTo(5);
        assertThat(stats.get("completed").asLong()).isEqualTo(4);
        assertThat(stats.get("completionRate").decimalValue()).isEqualByComparingTo("80.0");
        // s-2 was due on 9 April (清明 on the 5th) and completed on the 10th
        assertThat(stats.get("onTime").asLong()).isEqualTo(3);
        assertThat(stats.get("onTimeRate").decimalValue()).isEqualByComparingTo("75.0");
        // 12 + 6 + 0 + 3 working days over 4
        assertThat(stats.get("averageWorkingDays").decimalValue()).isEqualByComparingTo("5.3");
        JsonNode social = stats.get("byDepartment").get(0);
        assertThat(social.get("department").asString()).isEqualTo("社会事务办");
        assertThat(social.get("accepted").asLong()).isEqualTo(3);
        assertThat(social.get("onTimeRate").decimalValue()).isEqualByComparingTo("66.7");
        assertThat(stats.get("byTown").get(0).get("name").asString()).isEqualTo("陈村镇");
        assertThat(stats.get("ranking").isNull()).as("a town sees its place, not the others' figures").isTrue();
        assertThat(stats.get("townRank").get("rank").asInt()).isEqualTo(1);
        assertThat(stats.get("townRank").get("of").asInt()).isEqualTo(10);

        JsonNode district = hall.ok(hall.district().get(Hall.BASE + "/stats?from=2019-01-01&to=2019-12-31"), 200);
        List<String> order = new ArrayList<>();
        district.get("ranking").forEach(r -> order.add(r.get("town").asString()));
        assertThat(order).hasSize(10).startsWith(CHENCUN, RONGGUI);
        assertThat(district.get("ranking").get(1).get("completionRate").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(district.get("accepted").asLong()).isEqualTo(7);
        assertThat(district.get("byTown")).hasSize(2);

        JsonNode previous = hall.ok(clerk.get(Hall.BASE + "/stats?from=2018-01-01&to=2018-12-31"), 200);
        assertThat(previous.get("accepted").asLong()).isEqualTo(1);
        assertThat(previous.get("onTimeRate").decimalValue()).isEqualByComparingTo("100.0");
    }

    @Test
    void a_file_with_bad_rows_is_refused_whole_naming_each_line_and_field() {
        long before = jdbc.sql("SELECT COUNT(*) FROM application").query(Long.class).single();
        String bad = String.join("\n",
                "{\"sourceId\":\"bad-1\",\"matterCode\":\"X\",\"matterName\":\"x\",\"department\":\"d\",\"promisedLimitDays\":\"5\",\"acceptedAt\":\"2019-03-04T09:30:00\",\"status\":\"ACCEPTED\"}",
                "{\"sourceId\":\"bad-2\",\"matterCode\":\"X\",\"matterName\":\"x\",\"department\":\"d\",\"promisedLimitDays\":\"five\",\"acceptedAt\":\"yesterday\",\"status\":\"COMPLETED\"}",
                "{\"sourceId\":\"bad-3\",\"matterCode\":\"X\",\"matterName\":\"x\",\"department\":\"d\",\"promisedLimitDays\":\"5\",\"acceptedAt\":\"2019-03-04T09:30:00\",\"status\":\"REJECTED\"}",
                "not json at all");
        Api.Response r = post(hall().clerk(CHENCUN), null, "application/x-ndjson", bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.body()).contains("line 2: promisedLimitDays", "line 2: acceptedAt", "line 2: completedAt",
                "line 3: legalBasis", "line 4: line");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM application").query(Long.class).single()).isEqualTo(before);
        assertThat(post(hall().department(CHENCUN, "社会事务办"), null, "text/csv", YEAR_2018_CSV).status()).isEqualTo(403);
    }

    @Test
    void waiting_times_and_good_and_bad_ratings_of_today() {
        Hall hall = hall();
        Api clerk = hall.clerk(DALIANG);
        hall.ok(clerk.post(Hall.BASE + "/queues", "{\"code\":\"S\",\"name\":\"统计\"}"), 201);
        String window = hall.ok(clerk.post(Hall.BASE + "/windows", "{\"number\":\"S1\",\"name\":\"统计\",\"queues\":[\"S\"]}"), 201)
                .get("id").asString();
        for (int i = 1; i <= 10; i++) {
            String ticket = hall.ok(clerk.post(Hall.BASE + "/tickets", "{\"queue\":\"S\"}"), 201).get("id").asString();
            hall.ok(clerk.post(Hall.BASE + "/windows/" + window + "/calls", ""), 200);
            hall.ok(clerk.post(Hall.BASE + "/tickets/" + ticket + "/arrival", ""), 200);
            hall.ok(clerk.post(Hall.BASE + "/tickets/" + ticket + "/completion", ""), 200);
            jdbc.sql("UPDATE ticket SET waiting_seconds = ? WHERE id = ?").params(i * 60, ticket).update();
        }
        rollups.rebuildAll();   // the waiting times were set behind the service's back
        String matter = hall.publishedMatter(DALIANG, "社会事务办", 5, "居民身份证");
        List<String> apps = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = hall.submit(DALIANG, matter, "居民身份证").get("id").asString();
            hall.ok(hall.department(DALIANG, "社会事务办").post(Hall.BASE + "/applications/" + id + "/approval", "{}"), 200);
            hall.ok(hall.department(DALIANG, "社会事务办").post(Hall.BASE + "/applications/" + id + "/completion", ""), 200);
            apps.add(id);
        }
        hall.ok(clerk.post(Hall.BASE + "/applications/" + apps.get(0) + "/rating", "{\"level\":\"VERY_SATISFIED\"}"), 201);
        String named = hall.ok(clerk.post(Hall.BASE + "/applications/" + apps.get(1) + "/rating",
                "{\"level\":\"DISSATISFIED\",\"raterName\":\"赵六\"}"), 201).get("rectificationId").asString();
        hall.ok(clerk.post(Hall.BASE + "/applications/" + apps.get(2) + "/rating", "{\"level\":\"VERY_DISSATISFIED\"}"), 201);
        hall.ok(hall.department(DALIANG, "社会事务办").post(Hall.BASE + "/rectifications/" + named + "/rectification",
                "{\"measures\":\"整改\"}"), 200);
        hall.ok(clerk.post(Hall.BASE + "/rectifications/" + named + "/return-visit", "{\"satisfied\":true}"), 200);
        hall.ok(hall.leader(DALIANG).post(Hall.BASE + "/rectifications/" + named + "/review", "{\"accept\":true}"), 200);

        String today = LocalDate.now(WorkingDayCalendar.ZONE).toString();
        JsonNode stats = hall.ok(hall.leader(DALIANG).get(Hall.BASE + "/stats?from=" + today + "&to=" + today), 200);
        assertThat(stats.get("waiting").get("tickets").asLong()).isEqualTo(10);
        assertThat(stats.get("waiting").get("p50Seconds").asInt()).isEqualTo(300);
        assertThat(stats.get("waiting").get("p90Seconds").asInt()).isEqualTo(540);
        assertThat(stats.get("waiting").get("averageSeconds").asLong()).isEqualTo(330);
        JsonNode ratings = stats.get("ratings");
        assertThat(ratings.get("total").asLong()).isEqualTo(3);
        assertThat(ratings.get("goodRate").decimalValue()).isEqualByComparingTo("33.3");
        assertThat(ratings.get("negative").asLong()).isEqualTo(2);
        assertThat(ratings.get("namedNegative").asLong()).isEqualTo(1);
        assertThat(ratings.get("namedNegativeVisited").asLong()).isEqualTo(1);
        assertThat(ratings.get("rectifiedRate").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(stats.get("completed").asLong()).isEqualTo(3);
        assertThat(stats.get("onTimeRate").decimalValue()).isEqualByComparingTo("100.0");
    }

    @Test
    void figures_are_scoped_to_the_callers_towns_and_bad_periods_name_the_field() {
        Hall hall = hall();
        Api.Response other = hall.clerk(RONGGUI).get(Hall.BASE + "/stats?town=" + CHENCUN);
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.isProblem()).isTrue();
        Api.Response badRange = hall.clerk(CHENCUN).get(Hall.BASE + "/stats?from=2019-12-31&to=2019-01-01");
        assertThat(badRange.status()).isEqualTo(400);
        assertThat(badRange.body()).contains("\"field\":\"to\"");
        assertThat(hall.clerk(CHENCUN).get(Hall.BASE + "/stats?from=31/12/2019").body()).contains("\"field\":\"from\"");
        assertThat(hall.anonymous().get(Hall.BASE + "/stats").status()).isEqualTo(401);
        assertThat(hall.ok(hall.clerk(CHENCUN).get(Hall.BASE + "/stats"), 200).get("from").asString()).endsWith("-01-01");
    }
}
