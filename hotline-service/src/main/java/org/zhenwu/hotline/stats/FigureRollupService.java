package org.zhenwu.hotline.stats;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.platform.calendar.WorkingDayCalendar;

/**
 * Keeps the rollups of the hotline figures ({@code V5__figure_rollups.sql}) equal to what a GROUP BY over
 * {@code work_order} gives. The work-order feature calls it in the transaction of every change to an order, with
 * what the order counted before and after ({@link OrderFigures}); each call adds the difference with
 * {@code INSERT … ON DUPLICATE KEY UPDATE}, so concurrent changes add up whatever order they commit in, and a change
 * that moves no figure (a lease, a 催办, an escalation) writes nothing. A bulk writer (the historical import) instead
 * rebuilds the days it touched from the live rows at the end of its transaction.
 */
@Service
public class FigureRollupService {
    private final JdbcClient jdbc;

    FigureRollupService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A work order changed from counting as {@code before} to counting as {@code after} (null: counts nowhere). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void orderMoved(OrderFigures before, OrderFigures after) {
        if (Objects.equals(before, after)) {
            return;
        }
        if (before != null && after != null && sameDay(before, after)) {
            addDay(after, 0, bit(after.dispatched()) - bit(before.dispatched()),
                    bit(after.signedOnTime()) - bit(before.signedOnTime()), bit(after.closed()) - bit(before.closed()),
                    bit(after.closedOnTime()) - bit(before.closedOnTime()), bit(after.revisited()) - bit(before.revisited()),
                    bit(after.satisfied()) - bit(before.satisfied()));
        } else {
            if (before != null) {
                addDay(before, -1, -bit(before.dispatched()), -bit(before.signedOnTime()), -bit(before.closed()),
                        -bit(before.closedOnTime()), -bit(before.revisited()), -bit(before.satisfied()));
            }
            if (after != null) {
                addDay(after, 1, bit(after.dispatched()), bit(after.signedOnTime()), bit(after.closed()),
                        bit(after.closedOnTime()), bit(after.revisited()), bit(after.satisfied()));
            }
        }
        for (String dimension : FigureStatements.DIMENSIONS) {
            String was = before == null ? null : before.key(dimension);
            String is = after == null ? null : after.key(dimension);
            if (was != null && is != null && sameDay(before, after) && was.equals(is)) {
                continue;
            }
            if (was != null) {
                addGroup(before, dimension, was, -1);
            }
            if (is != null) {
                addGroup(after, dimension, is, 1);
            }
        }
    }

    private static boolean sameDay(OrderFigures a, OrderFigures b) {
        return a.town().equals(b.town()) && a.acceptedOn().equals(b.acceptedOn());
    }

    private void addDay(OrderFigures key, int total, int dispatched, int signedOnTime, int closed, int closedOnTime,
                        int revisited, int satisfied) {
        jdbc.sql("""
                        INSERT INTO figure_work_order_day (town_code, accepted_on, total, dispatched, signed_on_time, closed,
                                                           closed_on_time, revisited, satisfied)
                        VALUES (:town, :day, :total, :dispatched, :signedOnTime, :closed, :closedOnTime, :revisited, :satisfied)
                        ON DUPLICATE KEY UPDATE total = total + VALUES(total), dispatched = dispatched + VALUES(dispatched),
                            signed_on_time = signed_on_time + VALUES(signed_on_time), closed = closed + VALUES(closed),
                            closed_on_time = closed_on_time + VALUES(closed_on_time),
                            revisited = revisited + VALUES(revisited), satisfied = satisfied + VALUES(satisfied)""")
                .param("town", key.town()).param("day", key.acceptedOn()).param("total", total)
                .param("dispatched", dispatched).param("signedOnTime", signedOnTime).param("closed", closed)
                .param("closedOnTime", closedOnTime).param("revisited", revisited).param("satisfied", satisfied)
                .update();
    }

    private void addGroup(OrderFigures key, String dimension, String group, int orders) {
        jdbc.sql("""
                        INSERT INTO figure_work_order_group_day (town_code, dimension, accepted_on, group_key, orders)
                        VALUES (:town, :dimension, :day, :group, :orders)
                        ON DUPLICATE KEY UPDATE orders = orders + VALUES(orders)""")
                .param("town", key.town()).param("dimension", dimension).param("day", key.acceptedOn())
                .param("group", group).param("orders", orders)
                .update();
    }

    /**
     * Rebuilds the town's figures of {@code days} from the work orders themselves (flush pending JPA changes first):
     * the historical import calls it once at the end of its transaction for the days it touched. One DELETE and one
     * INSERT … SELECT per table and run of consecutive days.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void rebuildDays(String town, Collection<LocalDate> days) {
        for (LocalDate[] run : runs(days)) {
            for (String table : List.of("figure_work_order_day", "figure_work_order_group_day")) {
                jdbc.sql("DELETE FROM " + table + " WHERE town_code = :town AND accepted_on BETWEEN :first AND :last")
                        .param("town", town).param("first", run[0]).param("last", run[1]).update();
            }
            for (String insert : List.of(FigureStatements.rebuildDaysSql(FigureStatements.TOWN_RANGE),
                    FigureStatements.rebuildGroupsSql(FigureStatements.TOWN_RANGE))) {
                jdbc.sql(insert).param("town", town).param("from", start(run[0])).param("to", start(run[1].plusDays(1)))
                        .update();
            }
        }
    }

    /** The days as runs of consecutive days, each {first, last}. */
    private static List<LocalDate[]> runs(Collection<LocalDate> days) {
        List<LocalDate[]> runs = new ArrayList<>();
        for (LocalDate d : days.stream().distinct().sorted().toList()) {
            LocalDate[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last[1].plusDays(1).equals(d)) {
                last[1] = d;
            } else {
                runs.add(new LocalDate[]{d, d});
            }
        }
        return runs;
    }

    /**
     * Rebuilds every rollup from the work orders, as the migration filled them: for rows written behind the service's
     * back (a repair by hand, a benchmark's bulk load). Locks the rollups for the length of the transaction.
     */
    @Transactional
    public void rebuildAll() {
        FigureStatements.REBUILD_ALL.forEach(sql -> jdbc.sql(sql).update());
    }

    /** Midnight in the offices' time zone, as the UTC instant the column holds. */
    static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(WorkingDayCalendar.ZONE).toInstant());
    }

    private static int bit(boolean b) {
        return b ? 1 : 0;
    }

    /**
     * What one work order adds to the figures of its town and day of acceptance (Asia/Shanghai). A merged order counts
     * nowhere: the work-order feature passes null for it.
     *
     * @param department   the department it was (last) sent to; {@link FigureStatements#UNDISPATCHED} before dispatch
     * @param closedOnTime closed, and replied by the due date
     * @param revisited    a verdict was given at the return visit
     * @param satisfied    满意 or 基本满意
     */
    public record OrderFigures(String town, LocalDate acceptedOn, String type, String channel, String department,
                               boolean dispatched, boolean signedOnTime, boolean closed, boolean closedOnTime,
                               boolean revisited, boolean satisfied) {
        public OrderFigures {
            Objects.requireNonNull(town, "town");
            Objects.requireNonNull(acceptedOn, "acceptedOn");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(channel, "channel");
            department = department == null ? FigureStatements.UNDISPATCHED : department;
        }

        String key(String dimension) {
            return switch (dimension) {
                case "TYPE" -> type;
                case "CHANNEL" -> channel;
                case "DEPARTMENT" -> department;
                default -> throw new IllegalArgumentException("no dimension " + dimension);
            };
        }
    }
}
