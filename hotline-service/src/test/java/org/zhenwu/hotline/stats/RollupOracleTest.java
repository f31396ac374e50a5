package org.zhenwu.hotline.stats;

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
import org.zhenwu.hotline.workorder.WorkOrderService;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Clearance;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.test.Api;
import org.zhenwu.platform.test.TestTokens;
import org.zhenwu.platform.test.ZhenwuIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rollups against the live rows: a seeded random mix of imports over several months and towns, then live intakes,
 * dispatches and 改派, signatures, returns, replies, return visits (satisfied, or dissatisfied: 重办), consultations
 * answered at once, merges, extensions and overdue escalations, in a few rounds; after each phase the figures from the
 * rollups must equal, record for record, those computed from work_order, for periods of whole months, of partial
 * months, of single days, across a year's end and into the future, for the district and each town.
 */
@ZhenwuIntegrationTest
class RollupOracleTest {
    static final List<String> TOWNS = List.of("440606004", "440606104", "440606002");
    static final List<String> DEPARTMENTS = List.of("城市管理办", "水务所", "市场监管所", "社会事务办");
    static final List<String> TYPES = List.of("CONSULTATION", "HELP", "COMPLAINT", "REPORT", "SUGGESTION", "PRAISE");
    static final List<String> CHANNELS = List.of("PHONE", "WEB", "WECHAT", "APP", "KIOSK");
    static final List<String> IMPORTED = List.of("ACCEPTED", "DISPATCHED", "SIGNED", "REPLIED", "CLOSED");

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HotlineStatsService stats;
    @Autowired
    FigureRollupService rollups;
    @Autowired
    WorkOrderService workOrders;

    final Random random = new Random(Long.getLong("oracle.seed", 20261127L));
    final String run = Long.toString(System.nanoTime(), 36);

    @Test
    void the_rollups_give_exactly_the_live_figures_through_a_random_mix_of_changes() {
        LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);
        for (String town : TOWNS) {
            importOrders(town, 40);
        }
        assertSameFigures(today, "after the imports");
        importOrders(TOWNS.get(0), 25);   // a second file over days the first one filled
        assertSameFigures(today, "after a second import into the same days");

        for (int round = 0; round < 3; round++) {
            for (String town : TOWNS) {
                intake(town, 4);
                liveChanges(town);
            }
            assertSameFigures(today, "after round " + round + " of live changes");
        }
        workOrders.checkDeadlines(1_000);   // escalations (the imported orders at departments are overdue)
        for (String town : TOWNS) {
            liveChanges(town);
        }
        assertSameFigures(today, "after escalations and more changes");

        HotlineStatsService.HotlineStats wide = stats.liveStats(district(), null, LocalDate.of(2024, 1, 1), today);
        assertThat(wide.total()).as("the mix counted something").isPositive();
        assertThat(wide.closed()).isPositive();
        assertThat(wide.closedOnTime()).isPositive().isLessThan(wide.closed());
        assertThat(wide.revisited()).isGreaterThan(wide.satisfied());   // some dissatisfied: reopened
        assertThat(wide.signedOnTime()).isPositive().isLessThan(wide.dispatched());
        assertThat(wide.byDepartment()).containsKey(FigureStatements.UNDISPATCHED);
        assertThat(mine("status = 'MERGED'")).as("merges happened").isPositive();
        assertThat(mine("reopen_count > 0")).as("reopens happened").isPositive();
        assertThat(mine("escalated")).as("escalations happened").isPositive();
        assertThat(jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM figure_work_order_day
                        WHERE total < 0 OR dispatched < 0 OR signed_on_time < 0 OR closed < 0 OR closed_on_time < 0
                           OR revisited < 0 OR satisfied < 0)
                     + (SELECT COUNT(*) FROM figure_work_order_group_day WHERE orders < 0)""")
                .query(Long.class).single()).as("no count below zero").isZero();

        // what the changes kept up row by row is what the migration's backfill computes from the rows
        Map<String, List<Map<String, Object>>> kept = rollupRows();
        rollups.rebuildAll();
        assertThat(rollupRows()).isEqualTo(kept);
    }

    // ---- the mix ------------------------------------------------------------------------------------------------

    /** A file of past orders accepted from November 2024 to March 2025, at any time of day (the day is Shanghai's). */
    private void importOrders(String town, int rows) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            LocalDateTime accepted = LocalDateTime.of(2024, 11, 1, 0, 0).plusDays(random.nextInt(151))
                    .plusMinutes(random.nextInt(24 * 60));
            String status = IMPORTED.get(random.nextInt(IMPORTED.size()));
            String type = TYPES.get(random.nextInt(TYPES.size()));
            boolean atOnce = status.equals("CLOSED") && type.equals("CONSULTATION") && random.nextBoolean();
            StringBuilder row = new StringBuilder("{\"sourceId\":\"%s-%s-%d\",\"acceptedAt\":\"%s\",\"type\":\"%s\",\"channel\":\"%s\",\"category\":\"随机\",\"content\":\"对照\",\"status\":\"%s\""
                    .formatted(run, town, random.nextInt(1_000_000_000), accepted, type,
                            CHANNELS.get(random.nextInt(CHANNELS.size())), status));
            if (random.nextInt(3) == 0) {
                row.append(",\"dueDate\":\"").append(accepted.toLocalDate().plusDays(random.nextInt(8))).append('"');
            }
            if (!status.equals("ACCEPTED") && !atOnce) {
                LocalDateTime dispatched = accepted.plusHours(random.nextInt(30));
                row.append(",\"department\":\"").append(DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size())))
                        .append("\",\"dispatchedAt\":\"").append(dispatched).append('"')
                        .append(",\"signedAt\":\"").append(dispatched.plusHours(random.nextInt(96))).append('"');
                if (status.equals("REPLIED") || status.equals("CLOSED")) {
                    LocalDateTime replied = dispatched.plusDays(5).plusHours(random.nextInt(24 * 12));
                    row.append(",\"repliedAt\":\"").append(replied).append("\",\"reply\":\"已处理\"");
                    if (status.equals("CLOSED")) {
                        row.append(",\"satisfaction\":\"").append(random.nextBoolean() ? "SATISFIED" : "BASICALLY_SATISFIED")
                                .append("\",\"closedAt\":\"").append(replied.plusDays(1)).append('"');
                    }
                }
            } else if (atOnce) {
                row.append(",\"reply\":\"当即答复\"");
            }
            lines.add(row.append('}').toString());
        }
        Api agent = agent(town);
        Api.Response r = agent.send(agent.request("/api/hotline/work-orders/imports")
                .header("Content-Type", "application/x-ndjson; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", lines))));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private void intake(String town, int orders) {
        for (int i = 0; i < orders; i++) {
            ok(agent(town).post("/api/hotline/work-orders", "{\"type\":\"%s\",\"channel\":\"%s\",\"category\":\"随机\",\"content\":\"对照 %s\"}"
                    .formatted(TYPES.get(random.nextInt(TYPES.size())), CHANNELS.get(random.nextInt(CHANNELS.size())), run)),
                    201);
        }
    }

    /** Each of this test's orders of the town moves on a step, or not. */
    private void liveChanges(String town) {
        Api agent = agent(town);
        List<Map<String, Object>> orders = jdbc.sql("""
                        SELECT id, status, order_type, department FROM work_order
                        WHERE town_code = ? AND (source_id LIKE ? OR content = ?) ORDER BY id""")
                .params(town, run + "-%", "对照 " + run).query().listOfRows();
        for (Map<String, Object> o : orders) {
            String id = (String) o.get("id");
            String path = "/api/hotline/work-orders/" + id;
            String department = (String) o.get("department");
            if (random.nextInt(4) == 0) {
                continue;
            }
            switch ((String) o.get("status")) {
                case "ACCEPTED", "RETURNED" -> {
                    int step = random.nextInt(5);
                    if (step == 0 && "CONSULTATION".equals(o.get("order_type")) && o.get("status").equals("ACCEPTED")) {
                        retrying(agent, path + "/answer", "{\"answer\":\"当即答复\"}", 200);
                    } else if (step == 1) {
                        mergeIntoAnotherOpenOrder(agent, town, id, path);
                    } else {
                        retrying(agent, path + "/dispatch", "{\"department\":\"" + otherDepartment(department) + "\"}", 200);
                    }
                }
                case "DISPATCHED", "REOPENED" -> {
                    if (o.get("status").equals("REOPENED")) {
                        retrying(agent, path + "/dispatch", "{\"department\":\"" + otherDepartment(department) + "\"}", 200);
                    } else if (random.nextInt(4) == 0) {
                        Api.Response r = handler(town, department).post(path + "/return", "{\"reason\":\"非本部门职责\"}");
                        assertThat(r.status()).as(r.body()).isIn(200, 409);   // 409: the return window closed
                    } else if (random.nextInt(4) == 0) {
                        retrying(handler(town, department), path + "/extension-request", "{\"days\":3,\"reason\":\"需现场核查\"}", 200);
                        retrying(agent, path + "/extension-decision", "{\"approve\":" + random.nextBoolean() + "}", 200);
                    } else {
                        retrying(handler(town, department), path + "/signature", "", 200);
                    }
                }
                case "SIGNED" -> retrying(handler(town, department), path + "/reply", "{\"answer\":\"已处理\"}", 200);
                case "REPLIED" -> retrying(agent, path + "/revisit", "{\"satisfaction\":\""
                        + List.of("SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED").get(random.nextInt(3)) + "\"}", 200);
                default -> { }
            }
        }
    }

    private void mergeIntoAnotherOpenOrder(Api agent, String town, String id, String path) {
        List<String> open = jdbc.sql("""
                        SELECT id FROM work_order WHERE town_code = ? AND id <> ? AND status NOT IN ('CLOSED', 'MERGED')
                          AND (source_id LIKE ? OR content = ?) ORDER BY id""")
                .params(town, id, run + "-%", "对照 " + run).query(String.class).list();
        if (!open.isEmpty()) {
            retrying(agent, path + "/merge", "{\"into\":\"" + open.get(random.nextInt(open.size())) + "\"}", 200);
        }
    }

    private String otherDepartment(String current) {
        String next = DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size()));
        return next.equals(current) && random.nextBoolean() ? DEPARTMENTS.get(0) : next;
    }

    private long mine(String condition) {
        return jdbc.sql("SELECT COUNT(*) FROM work_order WHERE (source_id LIKE ? OR content = ?) AND " + condition)
                .params(run + "-%", "对照 " + run).query(Long.class).single();
    }

    /** A POST tried again when the deadline job changed the order at the same moment (409 concurrent-update). */
    private JsonNode retrying(Api api, String path, String body, int status) {
        for (int attempt = 1; ; attempt++) {
            Api.Response r = api.post(path, body);
            if (r.status() == 409 && r.body().contains("concurrent-update") && attempt < 5) {
                continue;
            }
            return ok(r, status);
        }
    }

    private JsonNode ok(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        return json.readTree(r.body());
    }

    private Api agent(String town) {
        return new Api(port).as(TestTokens.tokenWith("oracle-agent", town, "12345热线", "NONE", "HOTLINE_AGENT"));
    }

    private Api handler(String town, String department) {
        return new Api(port).as(TestTokens.tokenWith("oracle-" + department, town, department, "NONE", "DEPARTMENT_HANDLER"));
    }

    // ---- the comparison -------------------------------------------------------------------------------------------

    private void assertSameFigures(LocalDate today, String when) {
        LocalDate monthStart = today.withDayOfMonth(1);
        List<LocalDate[]> periods = List.of(
                period(LocalDate.of(2024, 11, 1), LocalDate.of(2025, 3, 31)),    // whole months
                period(LocalDate.of(2024, 11, 17), LocalDate.of(2025, 2, 3)),    // partial first and last months
                period(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 1)),    // across the year's end
                period(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)),    // a year, and its previous year
                period(LocalDate.of(2025, 2, 10), LocalDate.of(2025, 2, 10)),
                period(LocalDate.of(2024, 1, 1), today),
                period(today, today),
                period(monthStart, monthStart.plusMonths(1).minusDays(1)),
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
        rows.put("days", jdbc.sql("""
                SELECT * FROM figure_work_order_day
                WHERE total <> 0 OR dispatched <> 0 OR signed_on_time <> 0 OR closed <> 0 OR closed_on_time <> 0
                   OR revisited <> 0 OR satisfied <> 0
                ORDER BY town_code, accepted_on""").query().listOfRows());
        rows.put("groups", jdbc.sql("""
                SELECT * FROM figure_work_order_group_day WHERE orders <> 0
                ORDER BY town_code, dimension, accepted_on, group_key""").query().listOfRows());
        return rows;
    }

    private static Caller district() {
        return new Caller("oracle-district", "区管理员", Set.of(Roles.DISTRICT_ADMIN), Caller.DISTRICT, "区12345热线",
                Clearance.NONE);
    }

    private static Caller leader(String town) {
        return new Caller("oracle-leader-" + town, "镇长", Set.of(Roles.TOWN_LEADER), town, "党政办", Clearance.NONE);
    }
}
