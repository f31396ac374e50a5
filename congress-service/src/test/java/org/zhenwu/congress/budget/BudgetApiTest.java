package org.zhenwu.congress.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.contracts.congress.v1.BudgetDeviationFlagged;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.TestTokens;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** 预算联网监督 over real HTTP: lines, approval, monthly imports, flags to the presidium, inquiries, evaluation, figures. */
@ZhenwuIntegrationTest
class BudgetApiTest {
    static final String TOWN = "440606004";
    static final String OTHER_TOWN = "440606001";
    static final String C = "/api/congress";
    static final String ROADS = "规划建设办";

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    Api staff(String town) {
        return new Api(port).as(TestTokens.tokenWith("staff-" + town, town, "人大办", "NONE", "CONGRESS_STAFF"));
    }

    Api handler(String unit) {
        return new Api(port).as(TestTokens.tokenWith("handler-" + unit, TOWN, unit, "NONE", "DEPARTMENT_HANDLER"));
    }

    Api deputy(String id) {
        return new Api(port).as(TestTokens.tokenWith(id, TOWN, null, "NONE", "CONGRESS_DEPUTY"));
    }

    JsonNode ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return json.readTree(r.body());
    }

    String line(int year, String code, String name, String department, String planned, String target) {
        return ok(staff(TOWN).post(C + "/budget-lines", "{\"year\":" + year + ",\"code\":\"" + code + "\",\"name\":\"" + name
                + "\",\"department\":\"" + department + "\",\"plannedAmount\":" + planned
                + (target == null ? "" : ",\"performanceTarget\":\"" + target + "\"") + "}"), 201).get("id").asString();
    }

    JsonNode importMonth(int year, int month, String lines) {
        return ok(staff(TOWN).post(C + "/budget-executions", "{\"year\":" + year + ",\"month\":" + month + ",\"lines\":["
                + lines + "]}"), 200);
    }

    List<String> flags(String lineId) {
        return jdbc.sql("SELECT payload FROM outbox_event WHERE message_key = ? AND event_type = ? ORDER BY id")
                .params(lineId, BudgetDeviationFlagged.TYPE).query(String.class).list().stream()
                .map(p -> json.readValue(p, BudgetDeviationFlagged.class))
                .map(e -> e.month() + ":" + e.deviation()).toList();
    }

    @Test
    void a_year_of_supervision_flags_each_deviation_once_and_the_departments_answer_the_deputies() {
        String roads = line(2019, "2120399", "农村道路维修", ROADS, "1200000", "完成村道硬底化12公里");
        String elders = line(2019, "2080299", "长者饭堂补贴", "社会事务办", "240000", null);
        String lights = line(2019, "2120501", "路灯电费", ROADS, "100000", null);

        // January, before the session approved the budget: spent before approval
        JsonNode jan = importMonth(2019, 1, "{\"code\":\"2120501\",\"spent\":9000}");
        assertThat(jan.get("flagged")).extracting(f -> f.get("code").asString() + ":" + f.get("deviation").asString())
                .containsExactly("2120501:BEFORE_APPROVAL");
        JsonNode approved = ok(staff(TOWN).post(C + "/budget-lines/approval", "{\"year\":2019,\"approvedOn\":\"2019-02-15\"}"), 200);
        assertThat(approved.get("approvedLines").asInt()).isEqualTo(3);
        // June: roads at 25% (under), the elders' canteen on track, the lights over plan
        importMonth(2019, 2, "{\"code\":\"2120501\",\"spent\":9000},{\"code\":\"2080299\",\"spent\":40000}");
        String june = "{\"code\":\"2120399\",\"spent\":300000},{\"code\":\"2080299\",\"spent\":80000},"
                + "{\"code\":\"2120501\",\"spent\":90000}";
        JsonNode flagged = importMonth(2019, 6, june);
        assertThat(flagged.get("flagged")).extracting(f -> f.get("code").asString() + ":" + f.get("deviation").asString())
                .containsExactly("2120399:UNDER_EXECUTION", "2120501:OVER_EXECUTION");
        // the same file sent again flags nothing new
        assertThat(importMonth(2019, 6, june).get("flagged")).isEmpty();
        assertThat(flags(roads)).containsExactly("6:UNDER_EXECUTION");
        assertThat(flags(lights)).containsExactly("1:BEFORE_APPROVAL", "6:OVER_EXECUTION");
        assertThat(flags(elders)).isEmpty();
        BudgetDeviationFlagged under = json.readValue(jdbc.sql(
                "SELECT payload FROM outbox_event WHERE message_key = ? AND event_type = ?").params(roads,
                BudgetDeviationFlagged.TYPE).query(String.class).single(), BudgetDeviationFlagged.class);
        assertThat(under.jurisdiction()).isEqualTo(TOWN);
        assertThat(under.spentToDate()).isEqualByComparingTo("300000");
        assertThat(under.executionRate()).isEqualByComparingTo("25.0");
        assertThat(under.department()).isEqualTo(ROADS);

        JsonNode presidium = ok(staff(TOWN).get(C + "/budget-deviations?town=" + TOWN + "&year=2019"), 200);
        assertThat(presidium).extracting(f -> f.get("month").asInt() + ":" + f.get("code").asString())
                .containsExactly("1:2120501", "6:2120399", "6:2120501");

        // a deputy asks about the lagging roads; the roads office answers, once; others may not
        String term = ok(staff(TOWN).post(C + "/terms", "{\"number\":17,\"startsOn\":\"2016-12-01\"}"), 201).get("id").asString();
        String chen = ok(staff(TOWN).post(C + "/deputies", "{\"termId\":\"" + term + "\",\"name\":\"陈国强\",\"constituency\":\"第一选区\"}"),
                201).get("id").asString();
        JsonNode asked = ok(deputy(chen).post(C + "/budget-lines/" + roads + "/inquiries",
                "{\"question\":\"道路维修为何半年只执行25%?\"}"), 201);
        assertThat(asked.get("deputyId").asString()).isEqualTo(chen);
        assertThat(asked.get("status").asString()).isEqualTo("OPEN");
        String inquiry = asked.get("id").asString();
        ok(deputy(chen).post(C + "/budget-lines/" + roads + "/inquiries",
                "{\"deputyId\":\"" + term + "\",\"question\":\"冒名提问\"}"), 403);
        ok(handler("社会事务办").post(C + "/budget-inquiries/" + inquiry + "/answer", "{\"answer\":\"不是我们\"}"), 403);
        JsonNode answered = ok(handler(ROADS).post(C + "/budget-inquiries/" + inquiry + "/answer",
                "{\"answer\":\"雨季停工, 9月前完成招标\"}"), 200);
        assertThat(answered.get("status").asString()).isEqualTo("ANSWERED");
        ok(handler(ROADS).post(C + "/budget-inquiries/" + inquiry + "/answer", "{\"answer\":\"再答\"}"), 409);

        // year end: the target is evaluated once; a line without target cannot be
        JsonNode evaluated = ok(staff(TOWN).post(C + "/budget-lines/" + roads + "/evaluation",
                "{\"grade\":\"FAIR\",\"targetMet\":false,\"summary\":\"完成9公里\"}"), 200);
        assertThat(evaluated.get("evaluationGrade").asString()).isEqualTo("FAIR");
        assertThat(ok(staff(TOWN).post(C + "/budget-lines/" + roads + "/evaluation",
                "{\"grade\":\"GOOD\",\"targetMet\":true}"), 409).get("rule").asString()).isEqualTo("already-evaluated");
        assertThat(ok(staff(TOWN).post(C + "/budget-lines/" + elders + "/evaluation",
                "{\"grade\":\"GOOD\",\"targetMet\":true}"), 409).get("rule").asString()).isEqualTo("no-target");

        JsonNode read = ok(staff(TOWN).get(C + "/budget-lines/" + roads), 200);
        assertThat(read.get("approvedOn").asString()).isEqualTo("2019-02-15");
        assertThat(read.get("lastMonth").asInt()).isEqualTo(6);
        assertThat(read.get("deviations")).hasSize(1);
        assertThat(read.get("inquiries").get(0).get("answer").asString()).startsWith("雨季停工");
        ok(staff(OTHER_TOWN).get(C + "/budget-lines/" + roads), 404);

        JsonNode figures = ok(staff(TOWN).get(C + "/stats?town=" + TOWN + "&from=2019-01-01&to=2019-12-31"), 200).get("budget");
        assertThat(figures.get("lines").asLong()).isEqualTo(3);
        assertThat(figures.get("approvedLines").asLong()).isEqualTo(3);
        assertThat(new BigDecimal(figures.get("planned").asString())).isEqualByComparingTo("1540000");
        assertThat(new BigDecimal(figures.get("spent").asString())).isEqualByComparingTo("528000");
        assertThat(figures.get("deviations").get("UNDER_EXECUTION").asLong()).isEqualTo(1);
        assertThat(figures.get("deviations").get("OVER_EXECUTION").asLong()).isEqualTo(1);
        assertThat(figures.get("deviations").get("BEFORE_APPROVAL").asLong()).isEqualTo(1);
        assertThat(figures.get("inquiries").asLong()).isEqualTo(1);
        assertThat(figures.get("inquiriesAnswered").asLong()).isEqualTo(1);
        assertThat(figures.get("evaluated").asLong()).isEqualTo(1);
        assertThat(figures.get("targetsMet").asLong()).isEqualTo(0);
    }

    @Test
    void the_same_month_imported_twice_at_the_same_moment_is_counted_once_and_flagged_once() throws Exception {
        String line = line(2017, "2130101", "农田水利", "农业办", "1200000", null);
        ok(staff(TOWN).post(C + "/budget-lines/approval", "{\"year\":2017,\"approvedOn\":\"2017-01-20\"}"), 200);
        for (int month = 3; month <= 7; month++) {
            String body = "{\"year\":2017,\"month\":" + month + ",\"lines\":[{\"code\":\"2130101\",\"spent\":1000}]}";
            var start = new java.util.concurrent.CountDownLatch(1);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<Api.Response>> sent = new java.util.ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    sent.add(pool.submit(() -> {
                        start.await();
                        return staff(TOWN).post(C + "/budget-executions", body);
                    }));
                }
                start.countDown();
                for (var f : sent) {
                    assertThat(f.get().status()).as(f.get().body()).isEqualTo(200);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        JsonNode read = ok(staff(TOWN).get(C + "/budget-lines/" + line), 200);
        assertThat(new BigDecimal(read.get("spentToDate").asString())).isEqualByComparingTo("5000");
        assertThat(flags(line)).containsExactly("3:UNDER_EXECUTION", "4:UNDER_EXECUTION", "5:UNDER_EXECUTION",
                "6:UNDER_EXECUTION", "7:UNDER_EXECUTION");
    }

    @Test
    void a_bad_import_names_the_row_and_changes_nothing() {
        String id = line(2018, "2010101", "人大事务", "人大办", "50000", null);
        ok(staff(TOWN).post(C + "/budget-lines", "{\"year\":2018,\"code\":\"2010101\",\"name\":\"重复\",\"department\":\"人大办\","
                + "\"plannedAmount\":1}"), 400);
        importMonth(2018, 3, "{\"code\":\"2010101\",\"spent\":1000}");
        JsonNode bad = ok(staff(TOWN).post(C + "/budget-executions", "{\"year\":2018,\"month\":3,\"lines\":["
                + "{\"code\":\"2010101\",\"spent\":2000},{\"code\":\"9999999\",\"spent\":1}]}"), 400);
        assertThat(bad.toString()).contains("lines[1].code");
        ok(staff(TOWN).post(C + "/budget-executions", "{\"year\":2018,\"month\":13,\"lines\":[]}"), 400);
        ok(staff(TOWN).post(C + "/budget-executions", "{\"year\":2018,\"month\":3,\"lines\":[{\"code\":\"2010101\","
                + "\"spent\":-5}]}"), 400);
        JsonNode months = ok(staff(TOWN).get(C + "/budget-lines/" + id), 200).get("months");
        assertThat(months).hasSize(1);
        assertThat(new BigDecimal(months.get(0).get("spent").asString())).isEqualByComparingTo("1000");
        ok(handler(ROADS).post(C + "/budget-executions", "{\"year\":2018,\"month\":4,\"lines\":[]}"), 403);
        ok(new Api(port).get(C + "/budget-lines?town=" + TOWN), 401);
    }
}
