package org.zhenwu.document.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhenwu.contracts.document.v1.ResearchVisitReported;
import org.zhenwu.contracts.document.v1.SupervisionCompleted;
import org.zhenwu.document.ApiTestSupport;
import org.zhenwu.document.meeting.MeetingFigures;
import org.zhenwu.platform.test.Api;

import tools.jackson.databind.JsonNode;

/** 调研 over real HTTP and MariaDB: planned, conducted, reported into supervision tasks; refusals; import; figures. */
class ResearchApiTest extends ApiTestSupport {
    static final String TOWN = "440606101";
    static final String BASE = "/api/documents/research";

    @Autowired
    MeetingFigures figures;

    @Test
    void a_visit_is_conducted_reported_with_a_file_and_its_matters_become_supervision_tasks() {
        Api leader = leader(TOWN, "leader-" + unique());
        LocalDate day = LocalDate.of(2026, 3, 10);
        Map<String, long[]> before = figures.monthly(List.of(TOWN), 2026);
        JsonNode planned = ok(leader.post(BASE, """
                {"topic":"家具产业转型升级情况调研","leaders":["张伟","李娜"],"places":["乐从家具城","罗沙村"],
                 "method":"SYMPOSIUM","startDate":"%s","endDate":"%s"}""".formatted(day, day.plusDays(1))), 201);
        String id = planned.get("id").asString();
        String path = BASE + "/" + id;
        assertThat(planned.get("status").asString()).isEqualTo("PLANNED");
        assertThat(planned.get("places").get(1).asString()).isEqualTo("罗沙村");

        assertProblem(leader.post(path + "/report", "{\"report\":\"x\"}"), 409, null);
        assertProblem(leader.send(leader.request(path + "/report-files?fileName=r.pdf")
                .header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1}))),
                409, null);
        ok(leader.post(path + "/findings", "{\"findings\":\"企业反映用地紧张、物流成本高\"}"));
        ok(leader.send(leader.request(path + "/report-files?fileName=report.pdf")
                .header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2}))),
                201);
        JsonNode reported = ok(leader.post(path + "/report", """
                {"report":"关于家具产业转型升级的调研报告……","tasks":[
                  {"title":"梳理低效工业用地","ownerDepartment":"规划建设办","deadlineWorkingDays":20},
                  {"title":"研究物流园区扶持政策","ownerDepartment":"经发办","deadline":"%s"}]}"""
                .formatted(LocalDate.now().plusMonths(2))));
        assertThat(reported.get("status").asString()).isEqualTo("REPORTED");
        assertThat(reported.get("reportFiles")).hasSize(1);
        assertThat(reported.get("tasks")).hasSize(2);
        for (JsonNode t : reported.get("tasks")) {
            JsonNode task = ok(clerk(TOWN).get("/api/documents/supervision/" + t.get("supervisionTaskId").asString()));
            assertThat(task.get("origin").asString()).isEqualTo("RESEARCH_VISIT");
            assertThat(task.get("originType").asString()).isEqualTo(SupervisionCompleted.ORIGIN_RESEARCH_VISIT);
            assertThat(task.get("originId").asString()).isEqualTo(id);
        }
        String payload = jdbc.sql("SELECT payload FROM outbox_event WHERE message_key = ? AND event_type = ?")
                .params(id, ResearchVisitReported.TYPE).query(String.class).single();
        ResearchVisitReported event = json.readValue(payload, ResearchVisitReported.class);
        assertThat(event.taskIds()).hasSize(2);
        assertThat(event.leaders()).containsExactly("张伟", "李娜");
        assertThat(event.method()).isEqualTo("SYMPOSIUM");

        Map<String, long[]> after = figures.monthly(List.of(TOWN), 2026);
        assertThat(after.get("research.visits")[2] - before.get("research.visits")[2]).isEqualTo(1);
        assertThat(after.get("research.tasks")[2] - before.get("research.tasks")[2]).isEqualTo(2);
        JsonNode stats = ok(leader.get(BASE + "/stats?year=2026"));
        long sum = 0;
        for (long v : after.get("research.tasks")) {
            sum += v;
        }
        assertThat(stats.get("totals").get("research.tasks").asLong()).isEqualTo(sum);
        assertProblem(leader.post(path + "/cancellation", "{\"reason\":\"x\"}"), 409, null);
    }

    @Test
    void bad_input_wrong_roles_other_towns_and_illegal_moves_are_refused() {
        Api clerk = clerk(TOWN);
        long before = count("research_visit");
        assertProblem(clerk.post(BASE, "{\"topic\":\"t\",\"leaders\":[],\"places\":[\"p\"],\"method\":\"OTHER\","
                + "\"startDate\":\"2026-05-01\"}"), 400, "leaders");
        assertProblem(clerk.post(BASE, "{\"topic\":\"t\",\"leaders\":[\"a\"],\"places\":[\"p\"],\"method\":\"OTHER\","
                + "\"startDate\":\"2026-05-02\",\"endDate\":\"2026-05-01\"}"), 400, "endDate");
        assertProblem(clerk.post(BASE, "{\"topic\":\"\",\"leaders\":[\"a\"],\"places\":[\"p\"],\"method\":\"OTHER\","
                + "\"startDate\":\"2026-05-01\"}"), 400, "topic");
        String visit = "{\"topic\":\"t\",\"leaders\":[\"a\"],\"places\":[\"p\"],\"method\":\"INTERVIEW\","
                + "\"startDate\":\"2026-05-01\"}";
        assertProblem(handler(TOWN, "经发办").post(BASE, visit), 403, null);
        assertThat(count("research_visit")).isEqualTo(before);

        String id = ok(clerk.post(BASE, visit), 201).get("id").asString();
        String path = BASE + "/" + id;
        assertProblem(clerk("440606102").get(path), 404, null);
        assertProblem(handler(TOWN, "经发办").get(path), 403, null);
        ok(clerk.post(path + "/findings", "{\"findings\":\"f\"}"));
        assertProblem(clerk.post(path + "/findings", "{\"findings\":\"f\"}"), 409, null);
        assertProblem(clerk.post(path + "/cancellation", "{\"reason\":\"r\"}"), 409, null);
        long tasks = count("supervision_task");
        assertProblem(clerk.post(path + "/report", """
                {"report":"r","tasks":[{"title":"a","ownerDepartment":"经发办","deadlineWorkingDays":2},
                                       {"title":"b","ownerDepartment":"经发办","deadline":"2001-01-01"}]}"""),
                400, "tasks[1].deadline");
        assertThat(count("supervision_task")).isEqualTo(tasks);
        assertThat(ok(clerk.get(path)).get("status").asString()).isEqualTo("CONDUCTED");

        String other = ok(clerk.post(BASE, visit), 201).get("id").asString();
        JsonNode cancelled = ok(clerk.post(BASE + "/" + other + "/cancellation", "{\"reason\":\"领导另有安排\"}"));
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertProblem(clerk.post(BASE + "/" + other + "/findings", "{\"findings\":\"f\"}"), 409, null);
    }

    @Test
    void past_visits_are_imported_once_and_count_in_the_figures() {
        String town = "440606102";
        Api clerk = clerk(town);
        String csv = """
                sourceId,topic,leaders,places,method,startDate,endDate,status,findings,report,cancelReason
                r1,农村生活污水治理调研,张伟;李娜,水藤村;沙滘村,ON_SITE,2011-04-02,2011-04-03,REPORTED,管网不全,报告,
                r2,民营企业座谈,张伟,商会,SYMPOSIUM,2011-04-20,,CONDUCTED,融资难,,
                r3,取消的调研,张伟,某村,INTERVIEW,2011-06-01,,CANCELLED,,,天气
                """;
        assertThat(ok(importCsv(clerk, csv), 201).get("imported").asInt()).isEqualTo(3);
        assertThat(ok(importCsv(clerk, csv), 201).get("skipped").asInt()).isEqualTo(3);
        Api.Response bad = importCsv(clerk, """
                sourceId,topic,leaders,places,method,startDate
                x1,t,,p,NOPE,2011-13-01
                """);
        assertProblem(bad, 400, null);
        assertThat(bad.body()).contains("line 2: method", "line 2: startDate");
        assertThat(figures.monthly(List.of(town), 2011).get("research.visits"))
                .containsExactly(0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0);
        JsonNode stats = ok(clerk.get(BASE + "/stats?year=2011"));
        assertThat(stats.get("totals").get("research.visits").asLong()).isEqualTo(2);
        assertThat(stats.get("researchByMethod").get("ON_SITE").asLong()).isEqualTo(1);
    }

    private static Api.Response importCsv(Api api, String body) {
        return api.send(api.request(BASE + "/imports").header("Content-Type", "text/csv;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
