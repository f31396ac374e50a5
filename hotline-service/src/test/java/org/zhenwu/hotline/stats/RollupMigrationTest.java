package org.zhenwu.hotline.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.hotline.support.MigratedSchema;

/**
 * The migration that adds the rollups fills them from the work orders already there, exactly as
 * {@link FigureStatements#REBUILD_ALL} does (which {@code RollupOracleTest} ties to the live figures): orders on both
 * sides of midnight in Asia/Shanghai, merged ones, undispatched ones, closed on time and late.
 */
class RollupMigrationTest {
    static MigratedSchema db;
    static JdbcClient jdbc;

    @BeforeAll
    static void ordersBeforeTheRollups() {
        db = MigratedSchema.upTo("4");
        jdbc = db.jdbc();
        // 1,000 orders, one every 37 minutes from 2024-12-30 14:00 UTC: many on each side of 16:00 UTC (midnight +8)
        jdbc.sql("""
                INSERT INTO work_order (id, town_code, order_number, order_type, channel, category, urgency, status, content,
                                        department, accepted_at, due_date, created_by, version, dispatched_at, replied_at,
                                        satisfaction, signed_on_time)
                SELECT UUID(), IF(n MOD 3 = 0, '440606001', '440606002'), CONCAT('M-', n),
                       ELT(1 + n MOD 4, 'COMPLAINT', 'HELP', 'CONSULTATION', 'REPORT'), ELT(1 + n MOD 3, 'PHONE', 'WEB', 'APP'),
                       '类别', 'NORMAL', ELT(1 + n MOD 6, 'ACCEPTED', 'DISPATCHED', 'MERGED', 'CLOSED', 'CLOSED', 'REPLIED'),
                       '迁移', IF(n MOD 6 IN (0, 2), NULL, CONCAT('部门', n MOD 5)),
                       TIMESTAMP('2024-12-30 14:00:00.5') + INTERVAL (n * 37) MINUTE, DATE('2024-12-31') + INTERVAL (n DIV 33) DAY,
                       'migration', 0,
                       IF(n MOD 6 IN (0, 2), NULL, TIMESTAMP('2024-12-30 15:00:00') + INTERVAL (n * 37) MINUTE),
                       IF(n MOD 6 IN (3, 4, 5), TIMESTAMP('2024-12-31 15:30:00') + INTERVAL (n * 37 + (n MOD 7) * 700) MINUTE, NULL),
                       IF(n MOD 6 IN (3, 4), ELT(1 + n MOD 2, 'SATISFIED', 'BASICALLY_SATISFIED'), IF(n MOD 12 = 5, 'DISSATISFIED', NULL)),
                       IF(n MOD 6 IN (0, 2), NULL, n MOD 4 <> 0)
                FROM (SELECT a.d + 10 * b.d + 100 * c.d AS n FROM plan_digit a, plan_digit b, plan_digit c) numbers""")
                .update();
        db.migrate(null);
    }

    @AfterAll
    static void dropSchema() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void the_migration_fills_the_rollups_as_a_rebuild_from_the_rows_does() {
        Map<String, List<Map<String, Object>>> migrated = rollupRows();
        assertThat(migrated.get("days")).hasSizeGreaterThan(20);
        assertThat(migrated.get("groups")).anySatisfy(r -> assertThat(r).containsEntry("group_key", FigureStatements.UNDISPATCHED));
        assertThat(jdbc.sql("SELECT SUM(total) FROM figure_work_order_day").query(Long.class).single())
                .isEqualTo(jdbc.sql("SELECT COUNT(*) FROM work_order WHERE status <> 'MERGED'").query(Long.class).single());
        assertThat(jdbc.sql("SELECT SUM(closed_on_time) FROM figure_work_order_day").query(Long.class).single())
                .isPositive()
                .isLessThan(jdbc.sql("SELECT SUM(closed) FROM figure_work_order_day").query(Long.class).single());
        // 2024-12-30 14:00:00.5 UTC is 22:00 on the 30th in Shanghai; 16:00 UTC on the 30th is already the 31st there
        assertThat(jdbc.sql("SELECT MIN(accepted_on) FROM figure_work_order_day").query(String.class).single())
                .isEqualTo("2024-12-30");
        assertThat(jdbc.sql("SELECT total FROM figure_work_order_day WHERE town_code = '440606001' AND accepted_on = '2024-12-30'")
                .query(Long.class).single()).isEqualTo(jdbc.sql("""
                        SELECT COUNT(*) FROM work_order WHERE town_code = '440606001' AND status <> 'MERGED'
                          AND accepted_at < TIMESTAMP('2024-12-30 16:00:00')""").query(Long.class).single());

        FigureStatements.REBUILD_ALL.forEach(sql -> jdbc.sql(sql).update());
        assertThat(rollupRows()).isEqualTo(migrated);
    }

    private static Map<String, List<Map<String, Object>>> rollupRows() {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        rows.put("days", jdbc.sql("SELECT * FROM figure_work_order_day ORDER BY town_code, accepted_on").query().listOfRows());
        rows.put("groups", jdbc.sql("""
                SELECT * FROM figure_work_order_group_day ORDER BY town_code, dimension, accepted_on, group_key""")
                .query().listOfRows());
        return rows;
    }
}
