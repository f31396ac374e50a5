package org.zhenwu.servicehall.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Clearance;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;
import org.zhenwu.servicehall.stats.ServiceHallStatsService.HallStats;
import org.zhenwu.servicehall.support.Hall;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rollups against the live tables: a seeded random mix of imports over several months and towns, then live
 * acceptances, 补正, decisions, completions, deliveries, withdrawals, tickets called, ratings and their cases; after
 * each phase the figures from the rollups must equal, record for record, those computed from the live tables, for
 * periods of whole months, of partial months, of single days, across a year's end and into the future.
 */
@ZhenwuIntegrationTest
class RollupOracleTest {
    static final List<String> TOWNS = List.of("440606002", "440606103", "440606105");   // no other test counts their events
    static final List<String> DEPARTMENTS = List.of("社会事务办", "规划建设办", "经济发展办", "农业农村办");
    static final List<String> STATUSES = List.of("ACCEPTED", "APPROVED", "REJECTED", "COMPLETED", "DELIVERED", "WITHDRAWN");

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ServiceHallStatsService stats;
    @Autowired
    FigureRollupService rollups;

    final Random random = new Random(Long.getLong("oracle.seed", 20251127L));
    final String run = Long.toString(System.nanoTime(), 36);

    @Test
    void the_rollups_give_exactly_the_live_tables_figures_through_a_random_mix_of_changes() {
        Hall hall = new Hall(port, json);
        LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);

        for (String town : TOWNS) {
            importYear(hall, town, 40);
        }
        assertSameFigures(today, "after the imports");
        importYear(hall, TOWNS.get(0), 25);   // a second file over days the first one filled
        assertSameFigures(today, "after a second import into the same days");

        for (String town : TOWNS) {
            liveChanges(hall, town);
        }
        assertSameFigures(today, "after the live changes");
        for (String town : TOWNS.subList(0, 2)) {
            callTickets(hall, town, 4 + random.nextInt(5));
        }
        assertSameFigures(today, "after the tickets");

        HallStats wide = stats.liveStats(district(), null, LocalDate.of(2024, 1, 1), today);
        assertThat(wide.accepted()).as("the mix counted something").isPositive();
        assertThat(wide.completed()).isPositive();
        assertThat(wide.waiting().tickets()).isPositive();
        assertThat(wide.ratings().negative()).isPositive();
        assertThat(wide.ratings().namedNegativeRectified() + wide.ratings().namedNegativeVoided()).isPositive();
        assertThat(jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM figure_application_day
                        WHERE accepted < 0 OR completed < 0 OR on_time < 0 OR working_days < 0)
                     + (SELECT COUNT(*) FROM figure_waiting_month WHERE tickets < 0)
                     + (SELECT COUNT(*) FROM figure_rating_day WHERE total < 0 OR rectified < 0 OR visited < 0)""")
                .query(Long.class).single()).as("no count below zero").isZero();

        // what the changes kept up row by row is what the migration's backfill computes from the rows
        Map<String, List<Map<String, Object>>> kept = rollupRows();
        rollups.rebuildAll();
        assertThat(rollupRows()).isEqualTo(kept);
    }

    // ---- the mix ------------------------------------------------------------------------------------------------

    /** A file of past applications accepted from November 2024 to March 2025, at random times of day. */
    private void importYear(Hall hall, String town, int rows) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            LocalDateTime accepted = LocalDateTime.of(2024, 11, 1, 8, 0).plusDays(random.nextInt(151))
                    .plusMinutes(random.nextInt(16 * 60));   // late evenings too: the day is the hall's (Asia/Shanghai)
            String status = STATUSES.get(random.nextInt(STATUSES.size()));
            boolean done = status.equals("COMPLETED") || status.equals("DELIVERED");
            boolean rejected = done && random.nextInt(4) == 0 || status.equals("REJECTED");
            LocalDateTime completed = accepted.plusDays(random.nextInt(20)).plusHours(1);
            StringBuilder row = new StringBuilder("{\"sourceId\":\"%s-%s-%d\",\"matterCode\":\"RO-%d\",\"matterName\":\"随机事项\",\"department\":\"%s\",\"promisedLimitDays\":\"%d\",\"acceptedAt\":\"%s\",\"status\":\"%s\""
                    .formatted(run, town, lines.size() + random.nextInt(1_000_000) * 1000, random.nextInt(9),
                            DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size())), random.nextInt(16), accepted, status));
            if (rejected) {
                row.append(",\"outcome\":\"REJECTED\",\"legalBasis\":\"《条例》第九条\"");
            }
            if (done) {
                row.append(",\"completedAt\":\"").append(completed).append('"');
            }
            if (status.equals("DELIVERED")) {
                row.append(",\"deliveredAt\":\"").append(completed.plusHours(2)).append('"');
            }
            lines.add(row.append('}').toString());
        }
        Api clerk = hall.clerk(town);
        Api.Response r = clerk.send(clerk.request(Hall.BASE + "/applications/imports")
                .header("Content-Type", "application/x-ndjson; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", lines))));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    /** Today's work on the town's applications: each imported one moves on a step or two, new ones come in. */
    private void liveChanges(Hall hall, String town) {
        Api district = hall.district();
        String matter = hall.publishedMatter(town, DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size())), 1 + random.nextInt(5),
                "居民身份证", "户口簿");
        for (int i = 0; i < 6; i++) {
            if (random.nextBoolean()) {
                hall.submit(town, matter, "居民身份证", "户口簿");
                continue;
            }
            String id = hall.submit(town, matter, "居民身份证").get("id").asString();   // 一次性告知 first
            if (random.nextInt(3) > 0) {
                retrying(hall, hall.clerk(town), Hall.BASE + "/applications/" + id + "/supplement",
                        "{\"providedMaterials\":[\"居民身份证\",\"户口簿\"]}", 200);
            }
        }
        List<Map<String, Object>> apps = jdbc.sql("""
                        SELECT id, status FROM application
                        WHERE town_code = ? AND (source_id LIKE ? OR matter_id = ?) ORDER BY id""")   // this test's own
                .params(town, run + "-%", matter).query().listOfRows();
        for (Map<String, Object> app : apps) {
            String id = (String) app.get("id");
            String base = Hall.BASE + "/applications/" + id;
            switch ((String) app.get("status")) {
                case "ACCEPTED" -> {
                    int step = random.nextInt(4);
                    if (step == 0) {
                        retrying(hall, district, base + "/withdrawal", "{\"reason\":\"申请人撤回\"}", 200);
                    } else if (step == 1) {
                        retrying(hall, district, base + "/rejection", "{\"legalBasis\":\"《条例》第九条\",\"reason\":\"不符合\"}", 200);
                    } else if (step == 2) {
                        retrying(hall, district, base + "/approval", "{}", 200);
                        retrying(hall, district, base + "/completion", "", 200);
                    }
                }
                case "AWAITING_SUPPLEMENT" -> {
                    if (random.nextBoolean()) {
                        retrying(hall, district, base + "/withdrawal", "{\"reason\":\"材料不全\"}", 200);
                    }
                }
                case "APPROVED", "REJECTED" -> {
                    if (random.nextInt(3) > 0) {
                        retrying(hall, district, base + "/completion", "", 200);
                    }
                }
                case "COMPLETED", "DELIVERED" -> {
                    if (app.get("status").equals("COMPLETED") && random.nextBoolean()) {
                        retrying(hall, district, base + "/delivery", "{\"method\":\"PICKUP\"}", 200);
                    }
                    if (random.nextInt(3) > 0) {
                        rateAndFollowUp(hall, town, id);
                    }
                }
                default -> { }
            }
        }
    }

    private void rateAndFollowUp(Hall hall, String town, String application) {
        if (jdbc.sql("SELECT COUNT(*) FROM rating WHERE application_id = ?").param(application).query(Long.class).single() > 0) {
            return;
        }
        String level = List.of("VERY_SATISFIED", "SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED", "VERY_DISSATISFIED").get(random.nextInt(5));
        boolean named = random.nextBoolean();
        String body = named ? "{\"level\":\"" + level + "\",\"raterName\":\"赵六\"}" : "{\"level\":\"" + level + "\"}";
        var rated = retrying(hall, hall.clerk(town), Hall.BASE + "/applications/" + application + "/rating", body, 201);
        if (rated.get("rectificationId") == null || rated.get("rectificationId").isNull()) {
            return;
        }
        String base = Hall.BASE + "/rectifications/" + rated.get("rectificationId").asString();
        String department = jdbc.sql("SELECT department FROM application WHERE id = ?").param(application)
                .query(String.class).single();
        int path = random.nextInt(4);
        if (path == 0) {
            return;   // still open
        }
        if (named) {
            retrying(hall, hall.clerk(town), base + "/return-visit", "{\"satisfied\":" + random.nextBoolean() + "}", 200);
            if (random.nextBoolean()) {   // a later visit replaces the first: still one visited
                retrying(hall, hall.clerk(town), base + "/return-visit", "{\"satisfied\":true}", 200);
            }
        }
        if (path == 1) {
            retrying(hall, hall.department(town, department), base + "/appeal", "{\"reason\":\"非本部门原因\"}", 200);
        } else {
            retrying(hall, hall.department(town, department), base + "/rectification", "{\"measures\":\"整改\"}", 200);
        }
        if (random.nextInt(3) > 0) {
            retrying(hall, hall.leader(town), base + "/review", "{\"accept\":" + (random.nextInt(4) > 0) + "}", 200);
        }
    }

    private void callTickets(Hall hall, String town, int tickets) {
        Api clerk = hall.clerk(town);
        String code = "R" + (char) ('A' + TOWNS.indexOf(town) + 3 * (int) (Math.abs(run.hashCode()) % 7));
        hall.ok(clerk.post(Hall.BASE + "/queues", "{\"code\":\"" + code + "\",\"name\":\"对照\"}"), 201);
        String window = hall.ok(clerk.post(Hall.BASE + "/windows", "{\"number\":\"" + code + "-" + run + "\",\"name\":\"对照\",\"queues\":[\""
                + code + "\"]}"), 201).get("id").asString();
        for (int i = 0; i < tickets; i++) {
            hall.ok(clerk.post(Hall.BASE + "/tickets", "{\"queue\":\"" + code + "\"}"), 201);
        }
        int called = 1 + random.nextInt(tickets);   // the rest still wait: no waiting time yet
        for (int i = 0; i < called; i++) {
            String ticket = hall.ok(clerk.post(Hall.BASE + "/windows/" + window + "/calls", ""), 200).get("id").asString();
            hall.ok(clerk.post(Hall.BASE + "/tickets/" + ticket + "/arrival", ""), 200);
            hall.ok(clerk.post(Hall.BASE + "/tickets/" + ticket + "/completion", ""), 200);
        }
    }

    /**
     * A POST that is tried again when the clock job changed the application at the same time (409 concurrent-update:
     * "reload it and try again"); the imported applications are overdue, so the job ticks them while the test runs.
     */
    private static JsonNode retrying(Hall hall, Api api, String path, String body, int status) {
        for (int attempt = 1; ; attempt++) {
            Api.Response r = api.post(path, body);
            if (r.status() == 409 && r.body().contains("concurrent-update") && attempt < 5) {
                continue;
            }
            return hall.ok(r, status);
        }
    }

    // ---- the comparison -------------------------------------------------------------------------------------------

    private void assertSameFigures(LocalDate today, String when) {
        LocalDate monthStart = today.withDayOfMonth(1);
        List<LocalDate[]> periods = List.of(
                period(LocalDate.of(2024, 11, 1), LocalDate.of(2025, 3, 31)),    // whole months
                period(LocalDate.of(2024, 11, 17), LocalDate.of(2025, 2, 3)),    // partial first and last months
                period(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 1)),    // across the year's end
                period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31)),
                period(LocalDate.of(2025, 2, 10), LocalDate.of(2025, 2, 10)),
                period(LocalDate.of(2024, 1, 1), today),
                period(today, today),
                period(monthStart, monthStart.plusMonths(1).minusDays(1)),       // this whole month: tickets rolled up
                period(monthStart.minusMonths(1).plusDays(3), today.plusDays(40)));
        List<Caller> callers = new ArrayList<>();
        callers.add(district());
        TOWNS.forEach(t -> callers.add(leader(t)));
        for (LocalDate[] p : periods) {
            for (Caller caller : callers) {
                assertThat(stats.stats(caller, null, p[0], p[1]))
                        .as("%s: %s..%s as %s", when, p[0], p[1], caller.subject())
                        .isEqualTo(stats.liveStats(caller, null, p[0], p[1]));
            }
            assertThat(stats.stats(district(), TOWNS.get(1), p[0], p[1]))
                    .isEqualTo(stats.liveStats(district(), TOWNS.get(1), p[0], p[1]));
        }
    }

    private static LocalDate[] period(LocalDate from, LocalDate to) {
        return new LocalDate[]{from, to};
    }

    private Map<String, List<Map<String, Object>>> rollupRows() {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        rows.put("applications", jdbc.sql("""
                SELECT * FROM figure_application_day WHERE accepted <> 0 OR completed <> 0 OR on_time <> 0 OR working_days <> 0
                ORDER BY town_code, accepted_on, department""").query().listOfRows());
        rows.put("waiting", jdbc.sql("SELECT * FROM figure_waiting_month WHERE tickets <> 0 ORDER BY town_code, month, waiting_seconds")
                .query().listOfRows());
        rows.put("ratings", jdbc.sql("""
                SELECT * FROM figure_rating_day
                WHERE total <> 0 OR good <> 0 OR negative <> 0 OR named_negative <> 0 OR rectified <> 0 OR voided <> 0 OR visited <> 0
                ORDER BY town_code, rated_on""").query().listOfRows());
        return rows;
    }

    private static Caller district() {
        return new Caller("oracle-district", "区管理员", Set.of(Roles.DISTRICT_ADMIN), Caller.DISTRICT, "区政务服务中心",
                Clearance.NONE);
    }

    private static Caller leader(String town) {
        return new Caller("oracle-leader-" + town, "镇长", Set.of(Roles.TOWN_LEADER), town, "党政办", Clearance.NONE);
    }
}
