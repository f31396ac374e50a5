package org.zhenwu.hotline.stats;

import java.util.List;

/**
 * The SQL of the hotline figures: read from the rollups ({@code V5__figure_rollups.sql}), computed live from
 * {@code work_order} (the oracle), and the rollups rebuilt from the live rows. Named parameters: {@code :towns} (a
 * list), {@code :from} and {@code :to} ({@code DATE}s for the rollups, the UTC instants of the period's first
 * midnight and of the midnight after it for the live rows), {@code :dimension}, {@code :town}.
 * <p>
 * JDK only, on purpose: deploy's {@code GrowthBenchmark} loads this class from {@code hotline-service/target/classes}
 * and measures these very strings, so a change here is what the benchmark measures next.
 */
public final class FigureStatements {
    /** What a work order not yet dispatched counts under in {@code byDepartment}. */
    public static final String UNDISPATCHED = "(未派单)";
    /** The values of {@code figure_work_order_group_day.dimension}, in the order the figures list them. */
    public static final List<String> DIMENSIONS = List.of("TYPE", "CHANNEL", "DEPARTMENT");

    // ---- the rollups: whole days, ~365 rows per town and year in each statement ----------------------------------

    private static final String DAYS = "town_code IN (:towns) AND accepted_on BETWEEN :from AND :to";

    public static final String ROLLUP_COUNTS = """
            SELECT COALESCE(SUM(total), 0) AS total, COALESCE(SUM(dispatched), 0) AS dispatched,
                   COALESCE(SUM(signed_on_time), 0) AS signed_on_time, COALESCE(SUM(closed), 0) AS closed,
                   COALESCE(SUM(closed_on_time), 0) AS closed_on_time, COALESCE(SUM(revisited), 0) AS revisited,
                   COALESCE(SUM(satisfied), 0) AS satisfied
            FROM figure_work_order_day WHERE\s""" + DAYS;

    public static final String ROLLUP_TOTAL = "SELECT COALESCE(SUM(total), 0) FROM figure_work_order_day WHERE " + DAYS;

    /** One dimension's groups, busiest first, ties by the key in work_order's collation (as the live GROUP BY). */
    public static final String ROLLUP_GROUPED = "SELECT group_key AS k, SUM(orders) AS n FROM figure_work_order_group_day "
            + "WHERE town_code IN (:towns) AND dimension = :dimension AND accepted_on BETWEEN :from AND :to "
            + "GROUP BY group_key HAVING SUM(orders) > 0 ORDER BY n DESC, k";

    // ---- the live rows: every order of the period, on ix_work_order_town_accepted ---------------------------------

    private static final String PERIOD =
            "town_code IN (:towns) AND accepted_at >= :from AND accepted_at < :to AND status <> 'MERGED'";

    /** The Asia/Shanghai day (UTC+8, no daylight saving since 1991) of a stored instant, whatever the session's zone. */
    static String shanghaiDay(String column) {
        return "DATE(TIMESTAMP('1970-01-01') + INTERVAL (FLOOR(UNIX_TIMESTAMP(" + column + ")) + 28800) SECOND)";
    }

    /** The counts as sums over work orders (shared by the live figures and the rebuild). */
    private static final String COUNT_COLUMNS = "COUNT(*) AS total, "
            + "COALESCE(SUM(dispatched_at IS NOT NULL), 0) AS dispatched, "
            + "COALESCE(SUM(signed_on_time = TRUE), 0) AS signed_on_time, "
            + "COALESCE(SUM(status = 'CLOSED'), 0) AS closed, "
            + "COALESCE(SUM(status = 'CLOSED' AND " + shanghaiDay("replied_at") + " <= due_date), 0) AS closed_on_time, "
            + "COALESCE(SUM(satisfaction IS NOT NULL), 0) AS revisited, "
            + "COALESCE(SUM(satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED')), 0) AS satisfied";

    public static final String LIVE_COUNTS = "SELECT " + COUNT_COLUMNS + " FROM work_order WHERE " + PERIOD;

    public static final String LIVE_TOTAL = "SELECT COUNT(*) FROM work_order WHERE " + PERIOD;

    /** Each dimension's column in work_order, in the order of {@link #DIMENSIONS}. */
    private static final List<String> COLUMNS = List.of("order_type", "channel",
            "COALESCE(department, '" + UNDISPATCHED + "')");

    /** The live GROUP BY of a dimension (one of {@link #DIMENSIONS}). */
    public static String liveGrouped(String dimension) {
        return "SELECT " + column(dimension) + " AS k, COUNT(*) AS n FROM work_order WHERE " + PERIOD
                + " GROUP BY k ORDER BY n DESC, k";
    }

    // ---- rebuilding from the live rows ------------------------------------------------------------------------

    /** The rollup rows of the orders matching {@code where} (on work_order). */
    public static String rebuildDaysSql(String where) {
        return "INSERT INTO figure_work_order_day (town_code, accepted_on, total, dispatched, signed_on_time, closed, "
                + "closed_on_time, revisited, satisfied) SELECT town_code, " + shanghaiDay("accepted_at") + " AS day, "
                + COUNT_COLUMNS + " FROM work_order WHERE status <> 'MERGED' AND " + where + " GROUP BY town_code, day";
    }

    /** The group rows of the orders matching {@code where} (on work_order), every dimension. */
    public static String rebuildGroupsSql(String where) {
        StringBuilder sql = new StringBuilder(
                "INSERT INTO figure_work_order_group_day (town_code, dimension, accepted_on, group_key, orders) ");
        for (int i = 0; i < DIMENSIONS.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ALL ")
                    .append("SELECT town_code, '").append(DIMENSIONS.get(i)).append("', day, k, COUNT(*) FROM (SELECT town_code, ")
                    .append(shanghaiDay("accepted_at")).append(" AS day, ").append(COLUMNS.get(i))
                    .append(" AS k FROM work_order WHERE status <> 'MERGED' AND ").append(where)
                    .append(") o GROUP BY town_code, day, k");
        }
        return sql.toString();
    }

    /** A town's orders accepted from {@code :from} (inclusive) to {@code :to} (exclusive), instants. */
    public static final String TOWN_RANGE = "town_code = :town AND accepted_at >= :from AND accepted_at < :to";

    /** Every rollup row, from every order: as the migration fills them (a bulk load behind the service's back). */
    public static final List<String> REBUILD_ALL = List.of("DELETE FROM figure_work_order_day",
            rebuildDaysSql("TRUE"), "DELETE FROM figure_work_order_group_day", rebuildGroupsSql("TRUE"));

    private static String column(String dimension) {
        int i = DIMENSIONS.indexOf(dimension);
        if (i < 0) {
            throw new IllegalArgumentException("no dimension " + dimension);
        }
        return COLUMNS.get(i);
    }

    private FigureStatements() {
    }
}
