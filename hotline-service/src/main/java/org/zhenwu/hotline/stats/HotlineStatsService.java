package org.zhenwu.hotline.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.web.InvalidFieldException;

/**
 * The hotline lines of the annual summary: volume by type, channel and department, year-on-year change,
 * 响应率, on-time 办结率 and 满意率, for the towns a caller may see. Computed from {@code work_order} on the
 * {@code (town_code, accepted_at)} index; orders count in the period they were accepted.
 */
@Service
public class HotlineStatsService {
    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;

    HotlineStatsService(JdbcClient jdbc, Jurisdictions jurisdictions) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
    }

    @Transactional(readOnly = true)
    public HotlineStats stats(Caller caller, String town, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidFieldException("to", "must not be before from");
        }
        if (from.plusYears(5).isBefore(to)) {
            throw new InvalidFieldException("to", "a period is at most five years");
        }
        List<String> towns = jurisdictions.readScope(caller, town).codes();
        Counts now = counts(towns, from, to);
        long previous = total(towns, from.minusYears(1), to.minusYears(1));
        return new HotlineStats(towns, from, to, now.total, previous, changePercent(now.total, previous),
                grouped("order_type", towns, from, to), grouped("channel", towns, from, to),
                grouped("COALESCE(department, '(未派单)')", towns, from, to),
                now.dispatched, now.signedOnTime, rate(now.signedOnTime, now.dispatched),
                now.closed, now.closedOnTime, rate(now.closedOnTime, now.closed),
                now.revisited, now.satisfied, rate(now.satisfied, now.revisited));
    }

    private Counts counts(List<String> towns, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT COUNT(*) AS total,
                       COALESCE(SUM(dispatched_at IS NOT NULL), 0) AS dispatched,
                       COALESCE(SUM(signed_on_time = TRUE), 0) AS signed_on_time,
                       COALESCE(SUM(status = 'CLOSED'), 0) AS closed,
                       COALESCE(SUM(status = 'CLOSED' AND DATE(replied_at + INTERVAL 8 HOUR) <= due_date), 0) AS closed_on_time,
                       COALESCE(SUM(satisfaction IS NOT NULL), 0) AS revisited,
                       COALESCE(SUM(satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED')), 0) AS satisfied
                FROM work_order
                WHERE town_code IN (:towns) AND accepted_at >= :from AND accepted_at < :to AND status <> 'MERGED'""")
                .param("towns", towns).param("from", start(from)).param("to", start(to.plusDays(1)))
                .query((rs, i) -> new Counts(rs.getLong("total"), rs.getLong("dispatched"), rs.getLong("signed_on_time"),
                        rs.getLong("closed"), rs.getLong("closed_on_time"), rs.getLong("revisited"), rs.getLong("satisfied")))
                .single();
    }

    private long total(List<String> towns, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM work_order
                WHERE town_code IN (:towns) AND accepted_at >= :from AND accepted_at < :to AND status <> 'MERGED'""")
                .param("towns", towns).param("from", start(from)).param("to", start(to.plusDays(1)))
                .query(Long.class).single();
    }

    private Map<String, Long> grouped(String column, List<String> towns, LocalDate from, LocalDate to) {
        Map<String, Long> result = new LinkedHashMap<>();
        jdbc.sql("SELECT " + column + " AS k, COUNT(*) AS n FROM work_order "
                        + "WHERE town_code IN (:towns) AND accepted_at >= :from AND accepted_at < :to AND status <> 'MERGED' "
                        + "GROUP BY k ORDER BY n DESC, k")
                .param("towns", towns).param("from", start(from)).param("to", start(to.plusDays(1)))
                .query((rs, i) -> result.put(rs.getString("k"), rs.getLong("n"))).list();
        return result;
    }

    /** Midnight in the offices' time zone, as the UTC instant the column holds. */
    private static Timestamp start(LocalDate day) {
        ZonedDateTime midnight = day.atStartOfDay(WorkingDayCalendar.ZONE);
        return Timestamp.from(midnight.toInstant());
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal changePercent(long now, long before) {
        return before == 0 ? null
                : BigDecimal.valueOf((now - before) * 100).divide(BigDecimal.valueOf(before), 1, RoundingMode.HALF_UP);
    }

    private record Counts(long total, long dispatched, long signedOnTime, long closed, long closedOnTime, long revisited,
                          long satisfied) {
    }

    /**
     * Percentages have one decimal; null when there is nothing to divide by.
     *
     * @param responseRate       响应率: signed within the response limit / dispatched
     * @param onTimeClosureRate  按时办结率: closed with the reply by the deadline / closed
     * @param satisfactionRate   满意率: satisfied or basically satisfied / revisited
     */
    public record HotlineStats(List<String> towns, LocalDate from, LocalDate to, long total, long previousYearTotal,
                               BigDecimal yearOnYearChangePercent, Map<String, Long> byType, Map<String, Long> byChannel,
                               Map<String, Long> byDepartment, long dispatched, long signedOnTime,
                               BigDecimal responseRate, long closed, long closedOnTime, BigDecimal onTimeClosureRate,
                               long revisited, long satisfied, BigDecimal satisfactionRate) {
    }
}
