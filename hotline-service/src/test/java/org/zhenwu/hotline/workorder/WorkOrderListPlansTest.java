package org.zhenwu.hotline.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.hotline.support.MigratedSchema;

/**
 * The work-order list's two statements ({@link WorkOrderListSql}: the total counted up to the cap + 1, and a page) on
 * a town of 12,000 orders, in a schema of its own migrated by the service's Flyway scripts: for each filter (none, a
 * status, a department, both) the count reads one index alone and stops at the cap, and the page walks an index in
 * page order (no filesort), so neither grows with the town. Each returns what the plainly written statement returns.
 */
class WorkOrderListPlansTest {
    static final String TOWN = "440606101";
    static final String OTHER_TOWN = "440606102";
    static final int ORDERS = 12_000;

    static MigratedSchema db;
    static JdbcClient jdbc;

    @BeforeAll
    static void townWithTwelveThousandOrders() {
        db = MigratedSchema.latest();
        jdbc = db.jdbc();
        jdbc.sql("""
                INSERT INTO work_order (id, town_code, order_number, order_type, channel, category, urgency, status, content,
                                        department, accepted_at, due_date, created_by, version)
                SELECT UUID(), IF(n < %d, '%s', '%s'), CONCAT('P-', n), 'COMPLAINT', 'PHONE', '城市管理/占道经营', 'NORMAL',
                       CASE WHEN n MOD 50 = 0 THEN 'ACCEPTED' WHEN n MOD 50 = 1 THEN 'SIGNED' ELSE 'CLOSED' END, '计划',
                       IF(n MOD 50 = 0, NULL, CONCAT('部门', n MOD 7)), TIMESTAMP('2024-01-01 08:00:00') + INTERVAL (n * 600) SECOND,
                       '2024-03-01', 'plan', 0
                FROM (SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d AS n
                      FROM plan_digit a, plan_digit b, plan_digit c, plan_digit e, plan_digit f) numbers
                WHERE n < %d""".formatted(ORDERS, TOWN, OTHER_TOWN, ORDERS + 500)).update();
        jdbc.sql("ANALYZE TABLE work_order").query().listOfRows();
    }

    @AfterAll
    static void dropSchema() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void the_count_stops_at_the_cap_and_the_page_walks_an_index_in_page_order_for_every_filter() {
        check(null, null, WorkOrderListSql.COUNT_CAP + 1);          // 12,000 orders: capped
        check("CLOSED", null, WorkOrderListSql.COUNT_CAP + 1);      // 11,520: capped
        check("SIGNED", null, ORDERS / 50);                         // 240: exact
        check(null, "部门3", -1);                                    // ~1,700: exact
        check("SIGNED", "部门3", -1);
        check("ACCEPTED", "部门3", 0);                               // undispatched: none at a department
    }

    private static void check(String status, String department, long expectedCount) {
        String where = WorkOrderListSql.where(status != null, department != null);
        Map<String, Object> params = new HashMap<>();
        params.put("towns", List.of(TOWN));
        if (status != null) {
            params.put("status", status);
        }
        if (department != null) {
            params.put("department", department);
        }
        params.put("countCap", WorkOrderListSql.COUNT_CAP + 1);
        params.put("limit", 20);
        params.put("offset", 40);
        String what = "status " + status + ", department " + department;

        List<Map<String, Object>> count = explain(WorkOrderListSql.countSql(where), params);
        assertThat(row(count)).as(what + " count: one index alone, no row lookup: " + count)
                .hasEntrySatisfying("type", t -> assertThat(t).isIn("ref", "range"))
                .hasEntrySatisfying("Extra", e -> assertThat(((String) e).split("; ")).contains("Using index"));
        List<Map<String, Object>> page = explain(WorkOrderListSql.pageSql(where), params);
        assertThat(row(page)).as(what + " page: an index in page order: " + page)
                .hasEntrySatisfying("type", t -> assertThat(t).isIn("ref", "range"))
                .hasEntrySatisfying("Extra", e -> assertThat(String.valueOf(e)).doesNotContain("filesort"));

        String plainly = "w.town_code = '" + TOWN + "'" + (status == null ? "" : " AND w.status = :status")
                + (department == null ? "" : " AND w.department = :department");
        long all = jdbc.sql("SELECT COUNT(*) FROM work_order w WHERE " + plainly).params(params).query(Long.class).single();
        if (expectedCount >= 0) {
            assertThat(Math.min(all, WorkOrderListSql.COUNT_CAP + 1)).as(what).isEqualTo(expectedCount);
        }
        assertThat(jdbc.sql(WorkOrderListSql.countSql(where)).params(params).query(Long.class).single()).as(what + " count")
                .isEqualTo(Math.min(all, WorkOrderListSql.COUNT_CAP + 1));
        assertThat(ids(WorkOrderListSql.pageSql(where), params)).as(what + " page")
                .hasSize((int) Math.max(0, Math.min(20, all - 40)))
                .isEqualTo(ids("SELECT w.id FROM work_order w WHERE " + plainly
                        + " ORDER BY w.accepted_at DESC, w.id DESC LIMIT :limit OFFSET :offset", params));
    }

    private static List<Map<String, Object>> explain(String sql, Map<String, Object> params) {
        return jdbc.sql("EXPLAIN " + sql).params(params).query().listOfRows();
    }

    private static Map<String, Object> row(List<Map<String, Object>> plan) {
        return plan.stream().filter(r -> "w".equals(r.get("table"))).findFirst()
                .orElseThrow(() -> new AssertionError("no row for w in " + plan));
    }

    private static List<String> ids(String sql, Map<String, Object> params) {
        return jdbc.sql(sql).params(params).query().listOfRows().stream().map(r -> (String) r.get("id")).toList();
    }
}
