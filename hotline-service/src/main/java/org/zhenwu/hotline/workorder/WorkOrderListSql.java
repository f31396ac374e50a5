package org.zhenwu.hotline.workorder;

/**
 * The statements of the work-order list ({@code GET /api/hotline/work-orders}): a page, newest first, and its total
 * counted up to {@link #COUNT_CAP} + 1 rows, so a page costs the same in a town of 10k orders as in one of 10M. Named
 * parameters: {@code :towns} (a list), then {@code :status} and {@code :department} where {@link #where} adds them,
 * {@code :countCap}, {@code :limit} and {@code :offset}.
 * <p>
 * JDK only, on purpose: deploy's {@code GrowthBenchmark} loads this class from {@code hotline-service/target/classes}
 * and measures these very strings.
 */
public final class WorkOrderListSql {
    /**
     * A list's {@code total} counts at most this many orders; above it the list says {@code totalExact=false} and
     * shows the cap ("5000+"), as document-service's inbox does. Nobody pages that far (250 pages of 20); the year's
     * exact numbers are in {@code /api/hotline/stats}.
     */
    public static final int COUNT_CAP = 5_000;

    /** The condition on {@code work_order w} for the towns, and a status and a department when given. */
    public static String where(boolean status, boolean department) {
        return "w.town_code IN (:towns)" + (department ? " AND w.department = :department" : "")
                + (status ? " AND w.status = :status" : "");
    }

    /** The matching orders counted up to {@link #COUNT_CAP} + 1 (bind {@code countCap}). */
    public static String countSql(String where) {
        return "SELECT COUNT(*) FROM (SELECT 1 FROM work_order w WHERE " + where + " LIMIT :countCap) c";
    }

    /** A page, newest first (bind {@code limit} and {@code offset}); in the order of {@code ix_work_order_town_accepted}. */
    public static String pageSql(String where) {
        return "SELECT w.* FROM work_order w WHERE " + where + " ORDER BY w.accepted_at DESC, w.id DESC LIMIT :limit OFFSET :offset";
    }

    private WorkOrderListSql() {
    }
}
