package org.zhenwu.document.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhenwu.contracts.document.v1.DocumentTopics;
import org.zhenwu.contracts.document.v1.EmergencyReportClosed;
import org.zhenwu.contracts.document.v1.EmergencyReportOverdue;
import org.zhenwu.contracts.document.v1.EmergencyReported;
import org.zhenwu.document.ApiTestSupport;
import org.zhenwu.platform.test.Api;

import tools.jackson.databind.JsonNode;

/** 应急信息报送 over real HTTP, MariaDB and Kafka: filing, upward reports and lateness, the overdue job, import, figures. */
class EmergencyApiTest extends ApiTestSupport {
    static final String TOWN = "440606004";
    static final String OTHER_TOWN = "440606003";
    static final String BASE = "/api/documents/emergency";

    @Autowired
    EmergencyService emergencies;
    @Autowired
    EmergencyFigures figures;

    @Test
    void a_new_clerk_files_a_wage_dispute_the_district_sees_at_once_and_its_late_phone_report_is_flagged() {
        Api clerk = as("clerk-new-" + unique(), TOWN, "党政办", "NONE", "OFFICE_CLERK");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant occurred = now.minus(Duration.ofMinutes(180));
        Instant received = now.minus(Duration.ofMinutes(150));
        String title = "某楼盘项目工人聚集讨薪 " + unique();
        JsonNode filed = ok(clerk.post(BASE, """
                {"category":"WAGE_DISPUTE","realEstateProject":true,"level":"GENERAL","title":"%s","place":"良教村",
                 "description":"约40名工人在售楼部聚集","occurredAt":"%s","receivedAt":"%s","injuries":0}"""
                .formatted(title, occurred, received)), 201);
        String id = filed.get("id").asString();
        assertThat(filed.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(filed.get("town").asString()).isEqualTo(TOWN);
        assertThat(Instant.parse(filed.get("phone").get("dueAt").asString()))
                .isEqualTo(received.plus(Duration.ofMinutes(30)));
        assertThat(Instant.parse(filed.get("written").get("dueAt").asString()))
                .isEqualTo(received.plus(Duration.ofMinutes(60)));

        EmergencyReported reported = event(id, EmergencyReported.TYPE, EmergencyReported.class);
        assertThat(reported.category()).isEqualTo("WAGE_DISPUTE");
        assertThat(reported.realEstateProject()).isTrue();
        assertThat(reported.jurisdiction()).isEqualTo(TOWN);
        assertThat(reported.receivedAt()).isEqualTo(received);
        assertThat(ok(district().get(BASE + "?category=WAGE_DISPUTE&size=200")).toString()).contains(id);

        JsonNode phoned = ok(clerk.post(BASE + "/" + id + "/phone-report", """
                {"reportedAt":"%s","reportedTo":"区应急管理局值班室"}""".formatted(received.plus(Duration.ofMinutes(42)))));
        assertThat(phoned.get("status").asString()).isEqualTo("PHONE_REPORTED");
        assertThat(phoned.get("phone").get("late").asBoolean()).isTrue();
        assertThat(phoned.get("phone").get("delayMinutes").asLong()).isEqualTo(12);
        assertThat(phoned.get("lateOrOverdue").asBoolean()).isTrue();
        JsonNode written = ok(clerk.post(BASE + "/" + id + "/written-report", """
                {"reportedAt":"%s","reportedTo":"区应急管理局"}""".formatted(received.plus(Duration.ofMinutes(55)))));
        assertThat(written.get("written").get("late").asBoolean()).isFalse();
        JsonNode followed = ok(clerk.post(BASE + "/" + id + "/follow-ups", """
                {"reportedAt":"%s","content":"冲突中2名工人轻伤, 已送医","injuries":2}"""
                .formatted(received.plus(Duration.ofMinutes(100)))));
        assertThat(followed.get("status").asString()).isEqualTo("FOLLOWING_UP");
        assertThat(followed.get("injuries").asInt()).isEqualTo(2);
        JsonNode closed = ok(clerk.post(BASE + "/" + id + "/closure", """
                {"reportedAt":"%s","summary":"开发商垫付工资, 工人已散去","economicLossYuan":0}""".formatted(now)));
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");

        JsonNode full = ok(clerk.get(BASE + "/" + id));
        assertThat(full.get("followUps")).hasSize(1);
        assertThat(full.get("followUps").get(0).get("injuries").asInt()).isEqualTo(2);
        List<String> actions = new ArrayList<>();
        full.get("transitions").forEach(t -> actions.add(t.get("action").asString()));
        assertThat(actions).containsSubsequence("接报", "电话报告", "书面报告", "续报", "终报");

        EmergencyReportClosed done = event(id, EmergencyReportClosed.TYPE, EmergencyReportClosed.class);
        assertThat(done.phoneLate()).isTrue();
        assertThat(done.phoneDelayMinutes()).isEqualTo(12);
        assertThat(done.writtenLate()).isFalse();
        assertThat(done.followUps()).isEqualTo(1);
        assertThat(done.injuries()).isEqualTo(2);
        assertThat(ok(clerk.get(BASE + "?late=true&category=WAGE_DISPUTE&size=200")).toString()).contains(id);
        assertThat(ok(clerk.get(BASE + "?late=false&size=200")).toString()).doesNotContain(id);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                SELECT COUNT(*) FROM outbox_event WHERE message_key = ? AND topic = ? AND published_at IS NULL""")
                .params(id, DocumentTopics.EMERGENCY_EVENTS).query(Long.class).single() == 0);
    }

    @Test
    void the_overdue_job_flags_each_missing_upward_report_once_even_when_instances_run_it_together() throws Exception {
        Api clerk = clerk(TOWN);
        Instant received = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(120));
        String id = file(clerk, "FIRE", received);
        String fresh = file(clerk, "FIRE", Instant.now().truncatedTo(ChronoUnit.SECONDS));

        List<Callable<Integer>> instances = List.of(() -> emergencies.flagOverdue(200),
                () -> emergencies.flagOverdue(200), () -> emergencies.flagOverdue(200));
        var pool = Executors.newFixedThreadPool(3);
        try {
            for (var f : pool.invokeAll(instances)) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        emergencies.flagOverdue(200);

        JsonNode late = ok(clerk.get(BASE + "/" + id));
        assertThat(late.get("phone").get("overdue").asBoolean()).isTrue();
        assertThat(late.get("written").get("overdue").asBoolean()).isTrue();
        List<String> kinds = jdbc.sql("SELECT payload FROM outbox_event WHERE message_key = ? AND event_type = ?")
                .params(id, EmergencyReportOverdue.TYPE).query(String.class).list().stream()
                .map(p -> json.readValue(p, EmergencyReportOverdue.class).report()).toList();
        assertThat(kinds).containsExactlyInAnyOrder(EmergencyReportOverdue.PHONE, EmergencyReportOverdue.WRITTEN);
        assertThat(ok(clerk.get(BASE + "/" + fresh)).get("phone").get("overdue").asBoolean()).isFalse();
        assertThat(ok(clerk.get(BASE + "?overdue=true&size=200")).toString()).contains(id).doesNotContain(fresh);

        JsonNode phoned = ok(clerk.post(BASE + "/" + id + "/phone-report", "{}"));
        assertThat(phoned.get("phone").get("late").asBoolean()).isTrue();
        assertThat(phoned.get("phone").get("delayMinutes").asLong()).isGreaterThanOrEqualTo(90);
    }

    @Test
    void bad_input_wrong_roles_other_towns_and_illegal_moves_are_refused() {
        Api clerk = clerk(TOWN);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long before = count("emergency_report");
        assertProblem(clerk.post(BASE, body("FIRE", false, now.minusSeconds(600), now.minusSeconds(1200))), 400,
                "receivedAt");
        assertProblem(clerk.post(BASE, body("FIRE", false, now.minusSeconds(600), now.plus(Duration.ofHours(2)))), 400,
                "receivedAt");
        assertProblem(clerk.post(BASE, body("FIRE", true, now.minusSeconds(600), now)), 400, "realEstateProject");
        assertProblem(clerk.post(BASE, body("FLOOD", false, now.minusSeconds(600), now)
                .replace("\"deaths\":0", "\"deaths\":-1")), 400, "deaths");
        assertProblem(clerk.post(BASE, body("FLOOD", false, now.minusSeconds(600), now)
                .replace("\"FLOOD\"", "\"EARTHQUAKE\"")), 400, "category");
        assertProblem(clerk.post(BASE, body("FLOOD", false, now.minusSeconds(600), now)
                .replace("\"economicLossYuan\":0", "\"economicLossYuan\":1.234")), 400, "economicLossYuan");
        assertProblem(handler(TOWN, "应急办").post(BASE, body("FIRE", false, now.minusSeconds(600), now)), 403, null);
        assertProblem(handler(TOWN, "应急办").get(BASE), 403, null);
        assertProblem(clerk.post(BASE, body("FIRE", false, now.minusSeconds(600), now)
                .replace("{", "{\"town\":\"" + OTHER_TOWN + "\",")), 403, null);
        assertThat(anonymous().get(BASE).status()).isEqualTo(401);
        assertThat(count("emergency_report")).isEqualTo(before);

        String id = file(clerk, "TRAFFIC", now.minusSeconds(300));
        Api.Response early = clerk.post(BASE + "/" + id + "/written-report", "{}");
        assertProblem(early, 409, null);
        assertThat(json.readTree(early.body()).get("currentStatus").asString()).isEqualTo("RECEIVED");
        assertProblem(clerk.post(BASE + "/" + id + "/closure", "{\"summary\":\"x\"}"), 409, null);
        assertProblem(clerk.post(BASE + "/" + id + "/phone-report", "{\"reportedAt\":\"%s\"}"
                .formatted(now.minusSeconds(3600))), 400, "reportedAt");
        assertProblem(clerk.post(BASE + "/" + id + "/closure", "{\"summary\":\"\"}"), 400, "summary");
        assertProblem(clerk(OTHER_TOWN).get(BASE + "/" + id), 404, null);
        assertProblem(clerk(OTHER_TOWN).post(BASE + "/" + id + "/phone-report", "{}"), 404, null);
        assertProblem(clerk(OTHER_TOWN).get(BASE + "?town=" + TOWN), 403, null);
        assertThat(ok(clerk(OTHER_TOWN).get(BASE + "?size=200")).toString()).doesNotContain(id);
        assertThat(ok(district().get(BASE + "/" + id)).get("town").asString()).isEqualTo(TOWN);
        ok(clerk.post(BASE + "/" + id + "/phone-report", "{}"));
        assertProblem(clerk.post(BASE + "/" + id + "/phone-report", "{}"), 409, null);
    }

    @Test
    void imported_past_reports_get_their_lateness_count_in_the_figures_and_a_file_is_imported_once() {
        Api clerk = clerk(TOWN);
        String u = unique();
        Map<String, Long> before = totals(clerk, 2018);
        String csv = """
                sourceId,category,realEstateProject,level,title,place,occurredAt,receivedAt,deaths,injuries,missing,\
                description,economicLossYuan,phoneReportedAt,writtenReportedAt,closedAt,closingSummary
                %1$s-1,FIRE,,LARGER,某厂房火灾,勒流村,2018-03-04T09:40:00,2018-03-04T10:00:00,0,1,0,,350000,\
                2018-03-04T10:45:00,2018-03-04T11:00:00,2018-03-06T09:00:00,明火已扑灭
                %1$s-2,WAGE_DISPUTE,true,,某楼盘讨薪,稔海村,2018-07-02T13:40:00,2018-07-02T14:05:00,,,,,,\
                2018-07-02T14:20:00,2018-07-02T14:50:00,2018-07-05T09:30:00,工资已发放
                %1$s-3,FLOOD,,,强降雨致低洼地段水浸,众涌村,2018-08-30T20:00:00,2018-08-30T20:30:00,,,,,,,,,
                """.formatted(u);
        JsonNode result = ok(importCsv(clerk, csv), 201);
        assertThat(result.get("imported").asInt()).isEqualTo(3);

        String fire = idOf(u + "-1");
        JsonNode f = ok(clerk.get(BASE + "/" + fire));
        assertThat(f.get("phone").get("late").asBoolean()).isTrue();
        assertThat(f.get("phone").get("delayMinutes").asLong()).isEqualTo(15);
        assertThat(f.get("written").get("late").asBoolean()).isFalse();
        assertThat(f.get("status").asString()).isEqualTo("CLOSED");
        assertThat(f.get("economicLossYuan").decimalValue()).isEqualByComparingTo("350000");
        JsonNode flood = ok(clerk.get(BASE + "/" + idOf(u + "-3")));
        assertThat(flood.get("phone").get("overdue").asBoolean()).isTrue();
        assertThat(flood.get("written").get("overdue").asBoolean()).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE message_key IN (?, ?)")
                .params(fire, idOf(u + "-3")).query(Long.class).single()).as("history publishes nothing").isZero();
        assertThat(ok(clerk.get(BASE + "?from=2018-03-01&to=2018-03-31&late=true&size=200")).toString()).contains(fire);

        Map<String, Long> after = totals(clerk, 2018);
        assertThat(after.get(EmergencyFigures.REPORTS) - before.get(EmergencyFigures.REPORTS)).isEqualTo(3);
        assertThat(after.get(EmergencyFigures.FIRES) - before.get(EmergencyFigures.FIRES)).isEqualTo(1);
        assertThat(after.get(EmergencyFigures.WAGE_DISPUTES) - before.get(EmergencyFigures.WAGE_DISPUTES)).isEqualTo(1);
        assertThat(after.get(EmergencyFigures.WAGE_DISPUTES_REAL_ESTATE)
                - before.get(EmergencyFigures.WAGE_DISPUTES_REAL_ESTATE)).isEqualTo(1);
        assertThat(after.get(EmergencyFigures.FLOODS) - before.get(EmergencyFigures.FLOODS)).isEqualTo(1);
        assertThat(after.get(EmergencyFigures.LATE_REPORTS) - before.get(EmergencyFigures.LATE_REPORTS)).isEqualTo(2);
        assertThat(after.get(EmergencyFigures.PRODUCTION_SAFETY) - before.get(EmergencyFigures.PRODUCTION_SAFETY))
                .isZero();

        JsonNode again = ok(importCsv(clerk, csv), 201);
        assertThat(again.get("imported").asInt()).isZero();
        assertThat(again.get("skipped").asInt()).isEqualTo(3);
    }

    @Test
    void the_stats_endpoint_gives_the_sums_of_the_annual_summarys_monthly_figures() {
        Api clerk = clerk(TOWN);
        file(clerk, "PRODUCTION_SAFETY", Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60));
        int year = Instant.now().atZone(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        JsonNode stats = ok(clerk.get(BASE + "/stats?year=" + year));
        Map<String, long[]> monthly = figures.monthly(List.of(TOWN), year);
        assertThat(monthly.keySet()).containsExactlyElementsOf(EmergencyFigures.KEYS);
        monthly.values().forEach(m -> assertThat(m).hasSize(12));
        for (var e : monthly.entrySet()) {
            assertThat(stats.get("totals").get(e.getKey()).asLong()).as(e.getKey())
                    .isEqualTo(java.util.Arrays.stream(e.getValue()).sum());
        }
        assertThat(stats.get("totals").get(EmergencyFigures.PRODUCTION_SAFETY).asLong()).isPositive();
        assertThat(stats.get("reportsByCategory").get("PRODUCTION_SAFETY").asLong()).isPositive();
        assertThat(ok(district().get(BASE + "/stats?year=" + year)).get("towns")).hasSize(10);
        assertProblem(handler(TOWN, "应急办").get(BASE + "/stats"), 403, null);
    }

    @Test
    void a_bad_import_file_is_refused_whole_naming_each_line_and_field() {
        Api clerk = clerk(TOWN);
        String u = unique();
        String csv = """
                sourceId,category,realEstateProject,title,place,occurredAt,receivedAt,phoneReportedAt,writtenReportedAt
                %1$s-1,FIRE,,好的一行,勒流村,2018-05-01T10:00:00,2018-05-01T10:10:00,2018-05-01T10:20:00,
                %1$s-2,FIRE,true,火灾,勒流村,2018-05-01T10:00:00,2018-05-01T09:00:00,,
                %1$s-3,TRAFFIC,,车祸,勒流村,2018-05-01T10:00:00,2018-05-01T10:05:00,,2018-05-01T10:30:00
                """.formatted(u);
        Api.Response r = importCsv(clerk, csv);
        assertProblem(r, 400, "line 3: realEstateProject");
        assertThat(r.body()).contains("line 3: receivedAt").contains("line 4: phoneReportedAt");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM emergency_report WHERE source_id LIKE ?").param(u + "-%")
                .query(Long.class).single()).isZero();
        assertProblem(handler(TOWN, "应急办").send(handler(TOWN, "应急办").request(BASE + "/imports")
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv))), 403, null);
    }

    private Map<String, Long> totals(Api api, int year) {
        JsonNode totals = ok(api.get(BASE + "/stats?year=" + year)).get("totals");
        Map<String, Long> out = new java.util.HashMap<>();
        EmergencyFigures.KEYS.forEach(k -> out.put(k, totals.get(k).asLong()));
        return out;
    }

    private String idOf(String sourceId) {
        return jdbc.sql("SELECT id FROM emergency_report WHERE town_code = ? AND source_id = ?")
                .params(TOWN, sourceId).query(String.class).single();
    }

    private Api.Response importCsv(Api api, String csv) {
        return api.send(api.request(BASE + "/imports").header("Content-Type", "text/csv;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    private String file(Api api, String category, Instant received) {
        return ok(api.post(BASE, body(category, false, received.minusSeconds(600), received)), 201)
                .get("id").asString();
    }

    private static String body(String category, boolean realEstate, Instant occurred, Instant received) {
        return """
                {"category":"%s","realEstateProject":%s,"title":"事件 %s","place":"勒流村","occurredAt":"%s",
                 "receivedAt":"%s","deaths":0,"economicLossYuan":0}"""
                .formatted(category, realEstate, unique(), occurred, received);
    }

    private <T> T event(String key, String type, Class<T> as) {
        String payload = jdbc.sql("SELECT payload FROM outbox_event WHERE message_key = ? AND event_type = ?")
                .params(key, type).query(String.class).single();
        return json.readValue(payload, as);
    }
}
