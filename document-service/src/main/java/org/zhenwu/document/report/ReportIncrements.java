package org.zhenwu.document.report;

import static org.zhenwu.document.report.ReportFeedService.local;
import static org.zhenwu.document.report.ReportFeedService.orEmpty;
import static org.zhenwu.document.report.ReportFeedService.orUnknown;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.contracts.fleet.v1.TripCompleted;
import org.zhenwu.contracts.hotline.v1.WorkOrderCreated;
import org.zhenwu.contracts.hotline.v1.WorkOrderMerged;
import org.zhenwu.contracts.servicehall.v1.ApplicationAccepted;
import org.zhenwu.contracts.servicehall.v1.ApplicationCompleted;
import org.zhenwu.contracts.servicehall.v1.ApplicationWithdrawn;

/**
 * A batch's changes to the counting tables of the read model, summed per row (town, year, month and type, department
 * or vehicle class), then written with one multi-row upsert per table and one guarded {@code UPDATE} per row that
 * loses counts. Rows are written in key order, so two batches touching the same rows lock them in the same order.
 */
final class ReportIncrements {
    static final int ROWS_PER_STATEMENT = 500;

    /** (town, year, month) or (town, year, month, type|department|class) as a sortable key. */
    record Key(String town, int year, int month, String detail) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = town.compareTo(o.town);
            c = c != 0 ? c : Integer.compare(year, o.year);
            c = c != 0 ? c : Integer.compare(month, o.month);
            return c != 0 ? c : detail.compareTo(o.detail);
        }
    }

    private final Map<Key, Long> ordersAdded = new TreeMap<>();
    private final Map<Key, Long> ordersByTypeAdded = new TreeMap<>();
    private final Map<Key, Long> ordersRemoved = new TreeMap<>();
    private final Map<Key, Long> ordersByTypeRemoved = new TreeMap<>();
    /** accepted, completed, on time, working days */
    private final Map<Key, long[]> hall = new TreeMap<>();
    private final Map<Key, Long> hallWithdrawn = new TreeMap<>();
    /** trips, km, cost */
    private final Map<Key, Object[]> fleet = new TreeMap<>();

    /** A work order counts once, in the month it was accepted (offices' local time), under its type. */
    void workOrderCreated(WorkOrderCreated e) {
        ZonedDateTime at = local(e.occurredAt());
        ordersAdded.merge(new Key(e.jurisdiction(), at.getYear(), at.getMonthValue(), ""), 1L, Long::sum);
        ordersByTypeAdded.merge(new Key(e.jurisdiction(), at.getYear(), at.getMonthValue(), orUnknown(e.orderType())),
                1L, Long::sum);
    }

    /**
     * 并单: the merged order leaves the counts of the month (and type) it was counted in, as it leaves the hotline's own
     * figures. Its {@link WorkOrderCreated} came first: same key, same partition.
     */
    void workOrderMerged(WorkOrderMerged e) {
        ZonedDateTime at = local(e.acceptedAt());
        ordersRemoved.merge(new Key(e.jurisdiction(), at.getYear(), at.getMonthValue(), ""), 1L, Long::sum);
        ordersByTypeRemoved.merge(new Key(e.jurisdiction(), at.getYear(), at.getMonthValue(), orUnknown(e.orderType())),
                1L, Long::sum);
    }

    /** 受理: +1 accepted in the month of {@code acceptedOn}, under the deciding department. */
    void applicationAccepted(ApplicationAccepted e) {
        LocalDate on = e.acceptedOn() != null ? e.acceptedOn() : local(e.occurredAt()).toLocalDate();
        hall(e.jurisdiction(), on, e.department())[0]++;
    }

    /** 办结: counted against the month the application was accepted, as the hall's 办结量 is. */
    void applicationCompleted(ApplicationCompleted e) {
        LocalDate on = e.acceptedOn() != null ? e.acceptedOn() : local(e.occurredAt()).toLocalDate();
        long[] row = hall(e.jurisdiction(), on, e.department());
        row[1]++;
        row[2] += e.onTime() ? 1 : 0;
        row[3] += e.workingDays();
    }

    /**
     * 撤回 after acceptance takes the application out of the month and department it was accepted in, as the hall's
     * 受理量 leaves withdrawn applications out; one withdrawn before acceptance was never counted.
     */
    void applicationWithdrawn(ApplicationWithdrawn e) {
        if (e.acceptedOn() != null) {
            hallWithdrawn.merge(new Key(e.jurisdiction(), e.acceptedOn().getYear(), e.acceptedOn().getMonthValue(),
                    orEmpty(e.department())), 1L, Long::sum);
        }
    }

    /** A settled trip counts in the month it departed: one trip, its kilometres and its cost. */
    void tripCompleted(TripCompleted e) {
        ZonedDateTime at = local(e.departedAt() != null ? e.departedAt() : e.occurredAt());
        Object[] row = fleet.computeIfAbsent(new Key(e.jurisdiction(), at.getYear(), at.getMonthValue(),
                orUnknown(e.vehicleClass())), k -> new Object[] {0L, 0L, BigDecimal.ZERO});
        row[0] = (Long) row[0] + 1;
        row[1] = (Long) row[1] + e.distanceKm();
        row[2] = ((BigDecimal) row[2]).add(e.costYuan() == null ? BigDecimal.ZERO : e.costYuan());
    }

    void write(JdbcClient jdbc) {
        upsert(jdbc, "hotline_month", List.of("town_code", "year", "month", "work_orders"), ordersAdded, false,
                "work_orders = work_orders + VALUES(work_orders)");
        upsert(jdbc, "hotline_month_type", List.of("town_code", "year", "month", "order_type", "work_orders"),
                ordersByTypeAdded, true, "work_orders = work_orders + VALUES(work_orders)");
        ordersRemoved.forEach((k, n) -> jdbc.sql("""
                UPDATE hotline_month SET work_orders = work_orders - LEAST(work_orders, ?)
                WHERE town_code = ? AND year = ? AND month = ?""")
                .params(n, k.town(), k.year(), k.month()).update());
        ordersByTypeRemoved.forEach((k, n) -> jdbc.sql("""
                UPDATE hotline_month_type SET work_orders = work_orders - LEAST(work_orders, ?)
                WHERE town_code = ? AND year = ? AND month = ? AND order_type = ?""")
                .params(n, k.town(), k.year(), k.month(), k.detail()).update());
        upsert(jdbc, "hall_month", List.of("town_code", "year", "month", "department", "accepted",
                        "completed", "on_time", "working_days"),
                hall.entrySet().stream().map(e -> row(e.getKey(), true, e.getValue()[0], e.getValue()[1],
                        e.getValue()[2], e.getValue()[3])).toList(),
                "accepted = accepted + VALUES(accepted), completed = completed + VALUES(completed), "
                        + "on_time = on_time + VALUES(on_time), working_days = working_days + VALUES(working_days)");
        hallWithdrawn.forEach((k, n) -> jdbc.sql("""
                UPDATE hall_month SET accepted = accepted - LEAST(accepted, ?)
                WHERE town_code = ? AND year = ? AND month = ? AND department = ?""")
                .params(n, k.town(), k.year(), k.month(), k.detail()).update());
        upsert(jdbc, "fleet_month", List.of("town_code", "year", "month", "vehicle_class", "trips", "km",
                        "cost_yuan"),
                fleet.entrySet().stream().map(e -> row(e.getKey(), true, e.getValue())).toList(),
                "trips = trips + VALUES(trips), km = km + VALUES(km), cost_yuan = cost_yuan + VALUES(cost_yuan)");
    }

    private long[] hall(String town, LocalDate on, String department) {
        return hall.computeIfAbsent(new Key(town, on.getYear(), on.getMonthValue(), orEmpty(department)),
                k -> new long[4]);
    }

    private static void upsert(JdbcClient jdbc, String table, List<String> columns, Map<Key, Long> sums,
                               boolean detail, String update) {
        upsert(jdbc, table, columns, sums.entrySet().stream()
                .map(e -> row(e.getKey(), detail, e.getValue())).toList(), update);
    }

    private static List<Object> row(Key k, boolean detail, Object... values) {
        List<Object> row = new ArrayList<>(Arrays.asList(k.town(), k.year(), k.month()));
        if (detail) {
            row.add(k.detail());
        }
        row.addAll(Arrays.asList(values));
        return row;
    }

    /** {@code INSERT … VALUES (…), (…) ON DUPLICATE KEY UPDATE …}, {@value #ROWS_PER_STATEMENT} rows a statement. */
    private static void upsert(JdbcClient jdbc, String table, List<String> columns, List<List<Object>> rows,
                               String update) {
        String head = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ";
        String one = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<List<Object>> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            List<Object> params = new ArrayList<>();
            chunk.forEach(params::addAll);
            jdbc.sql(head + String.join(", ", Collections.nCopies(chunk.size(), one)) + " ON DUPLICATE KEY UPDATE "
                    + update).params(params).update();
        }
    }
}
