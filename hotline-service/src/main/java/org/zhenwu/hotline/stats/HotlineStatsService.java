package org.zhenwu.hotline.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.web.InvalidFieldException;

/**
 * The hotline lines of the annual summary: volume by type, channel and department, year-on-year change,
 * 响应率, on-time 办结率 and 满意率, for the towns a caller may see; orders count in the period they were accepted
 * (by their day in Asia/Shanghai), merged ones nowhere. The counts come from the rollups {@link FigureRollupService}
 * keeps, per town and day, so a year costs ~365 rows per town and statement whatever the volume; the live rows give
 * the same figures ({@link #liveStats}) and remain the oracle. The statements are {@link FigureStatements}.
 */
@Service
public class HotlineStatsService {
    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;
    private final Source rollups = new Rollups();
    private final Source live = new Live();

    HotlineStatsService(JdbcClient jdbc, Jurisdictions jurisdictions) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
    }

    /** The figures, read from the rollups. */
    @Transactional(readOnly = true)
    public HotlineStats stats(Caller caller, String town, LocalDate from, LocalDate to) {
        return stats(caller, town, from, to, rollups);
    }

    /**
     * The same figures computed from {@code work_order} alone (a range scan of every order of the period on
     * {@code ix_work_order_town_accepted}): the oracle the rollups are tested and benchmarked against.
     */
    @Transactional(readOnly = true)
    public HotlineStats liveStats(Caller caller, String town, LocalDate from, LocalDate to) {
        return stats(caller, town, from, to, live);
    }

    private HotlineStats stats(Caller caller, String town, LocalDate from, LocalDate to, Source source) {
        if (to.isBefore(from)) {
            throw new InvalidFieldException("to", "must not be before from");
        }
        if (from.plusYears(5).isBefore(to)) {
            throw new InvalidFieldException("to", "a period is at most five years");
        }
        List<String> towns = jurisdictions.readScope(caller, town).codes();
        Counts now = source.counts(towns, from, to);
        long previous = source.total(towns, from.minusYears(1), to.minusYears(1));
        List<Map<String, Long>> groups = FigureStatements.DIMENSIONS.stream()
                .map(d -> source.grouped(d, towns, from, to)).toList();
        return new HotlineStats(towns, from, to, now.total, previous, changePercent(now.total, previous),
                groups.get(0), groups.get(1), groups.get(2),
                now.dispatched, now.signedOnTime, rate(now.signedOnTime, now.dispatched),
                now.closed, now.closedOnTime, rate(now.closedOnTime, now.closed),
                now.revisited, now.satisfied, rate(now.satisfied, now.revisited));
    }

    /** Where the counts of a period (whole days, {@code from} to {@code to} inclusive) come from. */
    private interface Source {
        Counts counts(List<String> towns, LocalDate from, LocalDate to);

        long total(List<String> towns, LocalDate from, LocalDate to);

        /** The orders by one of {@link FigureStatements#DIMENSIONS}, busiest first, then by key. */
        Map<String, Long> grouped(String dimension, List<String> towns, LocalDate from, LocalDate to);
    }

    /** The rollups: by day, so any period is whole days of them. */
    private final class Rollups implements Source {
        @Override
        public Counts counts(List<String> towns, LocalDate from, LocalDate to) {
            return jdbc.sql(FigureStatements.ROLLUP_COUNTS)
                    .param("towns", towns).param("from", from).param("to", to)
                    .query((rs, i) -> readCounts(rs)).single();
        }

        @Override
        public long total(List<String> towns, LocalDate from, LocalDate to) {
            return jdbc.sql(FigureStatements.ROLLUP_TOTAL)
                    .param("towns", towns).param("from", from).param("to", to)
                    .query(Long.class).single();
        }

        @Override
        public Map<String, Long> grouped(String dimension, List<String> towns, LocalDate from, LocalDate to) {
            Map<String, Long> result = new LinkedHashMap<>();
            jdbc.sql(FigureStatements.ROLLUP_GROUPED)
                    .param("towns", towns).param("dimension", dimension).param("from", from).param("to", to)
                    .query((rs, i) -> result.put(rs.getString("k"), rs.getLong("n"))).list();
            return result;
        }
    }

    /** The live rows: every order of the period. */
    private final class Live implements Source {
        @Override
        public Counts counts(List<String> towns, LocalDate from, LocalDate to) {
            return jdbc.sql(FigureStatements.LIVE_COUNTS)
                    .param("towns", towns).param("from", start(from)).param("to", start(to.plusDays(1)))
                    .query((rs, i) -> readCounts(rs)).single();
        }

        @Override
        public long total(List<String> towns, LocalDate from, LocalDate to) {
            return jdbc.sql(FigureStatements.LIVE_TOTAL)
                    .param("towns", towns).param("from", start(from)).param("to", start(to.plusDays(1)))
                    .query(Long.class).single();
        }

        @Override
        public Map<String, Long> grouped(String dimension, List<String> towns, LocalDate from, LocalDate to) {
            Map<String, Long> result = new LinkedHashMap<>();
            jdbc.sql(FigureStatements.liveGrouped(dimension))
                    .param("towns", towns).param("from", start(from)).param("to", start(to.plusDays(1)))
                    .query((rs, i) -> result.put(rs.getString("k"), rs.getLong("n"))).list();
            return result;
        }
    }

    private static Counts readCounts(ResultSet rs) throws SQLException {
        return new Counts(rs.getLong("total"), rs.getLong("dispatched"), rs.getLong("signed_on_time"),
                rs.getLong("closed"), rs.getLong("closed_on_time"), rs.getLong("revisited"), rs.getLong("satisfied"));
    }

    /** Midnight in the offices' time zone, as the UTC instant the column holds. */
    private static Timestamp start(LocalDate day) {
        return FigureRollupService.start(day);
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
