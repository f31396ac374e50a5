package org.zhenwu.servicehall.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.jurisdiction.Town;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.web.InvalidFieldException;

/**
 * The service-hall lines of the annual summary, for the towns a caller may see: 受理量, 办结量, 办结率, on-time rate and
 * average working days — overall, per department and per town — the ranking of the district's towns, waiting times
 * at the windows and 好差评. Applications count in the period they were accepted (受理); 办结量 counts those of them
 * completed since, so 办结率 never exceeds 100 %. Withdrawn applications are left out. The counts come from the
 * rollups {@link FigureRollupService} keeps, so a year costs a few thousand rows whatever the town's volume; the live
 * tables give the same figures ({@link #liveStats}) and remain the oracle.
 */
@Service
public class ServiceHallStatsService {
    private static final String RUNNING_OR_DONE = "status IN ('ACCEPTED', 'APPROVED', 'REJECTED', 'COMPLETED', 'DELIVERED')";

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;
    private final Source rollups = new Rollups();
    private final Source live = new Live();

    ServiceHallStatsService(JdbcClient jdbc, Jurisdictions jurisdictions) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
    }

    /** The figures, read from the rollups: a year of a large town is ~365 rows per department, not every row. */
    @Transactional(readOnly = true)
    public HallStats stats(Caller caller, String town, LocalDate from, LocalDate to) {
        return stats(caller, town, from, to, rollups);
    }

    /**
     * The same figures computed from the live tables alone (covering-index range scans over every application, ticket
     * and rating of the period): the oracle the rollups are tested and benchmarked against.
     */
    @Transactional(readOnly = true)
    public HallStats liveStats(Caller caller, String town, LocalDate from, LocalDate to) {
        return stats(caller, town, from, to, live);
    }

    private HallStats stats(Caller caller, String town, LocalDate from, LocalDate to, Source source) {
        if (to.isBefore(from)) {
            throw new InvalidFieldException("to", "must not be before from");
        }
        if (from.plusYears(5).isBefore(to)) {
            throw new InvalidFieldException("to", "a period is at most five years");
        }
        List<String> towns = jurisdictions.readScope(caller, town).codes();
        List<String> district = jurisdictions.towns().stream().map(Town::code).toList();
        List<Cell> cells = source.cells(Stream.concat(district.stream(), towns.stream()).distinct().toList(), from, to);
        List<DepartmentLine> byDepartment = lines(cells, towns, Cell::department, (x, y) -> 0).stream()
                .map(l -> new DepartmentLine(l.key(), l.accepted(), l.completed(), l.completionRate(), l.onTime(),
                        l.onTimeRate(), l.averageWorkingDays())).toList();
        List<Line> byTown = lines(cells, towns, Cell::town, Comparator.comparing(Line::key));
        Line total = sum("all", byTown);
        List<Line> allTowns = lines(cells, district, Cell::town, Comparator.comparing(Line::key));
        List<RankedTown> ranking = ranking(allTowns);
        boolean districtView = caller.isDistrict() && towns.size() > 1;
        RankedTown own = towns.size() == 1
                ? ranking.stream().filter(r -> r.town().equals(towns.get(0))).findFirst().orElse(null) : null;
        return new HallStats(towns, from, to, total.accepted(), total.completed(), total.completionRate(), total.onTime(),
                total.onTimeRate(), total.averageWorkingDays(), byDepartment, named(byTown),
                districtView ? ranking : null, own == null ? null : new Rank(own.rank(), ranking.size()),
                waiting(source.waitingHistogram(towns, from, to)), source.ratings(towns, from, to));
    }

    /** Where the counts come from: the rollups, or the live tables. */
    private interface Source {
        /** Per town and department, in the database's collation order of the department names. */
        List<Cell> cells(List<String> towns, LocalDate from, LocalDate to);

        /** Called tickets per whole second of waiting, by second ascending. */
        List<long[]> waitingHistogram(List<String> towns, LocalDate from, LocalDate to);

        Ratings ratings(List<String> towns, LocalDate from, LocalDate to);
    }

    /**
     * The cells of {@code towns} summed by {@code key}, busiest first, then by {@code ties}; departments that tie keep
     * the order of the cells (the database's collation of their names, as {@code ORDER BY department} gives them).
     */
    private static List<Line> lines(List<Cell> cells, List<String> towns, Function<Cell, String> key,
                                    Comparator<Line> ties) {
        Map<String, Line> sums = new LinkedHashMap<>();
        for (Cell c : cells) {
            if (towns.contains(c.town())) {
                sums.merge(key.apply(c), c.counts(), (x, y) -> new Line(null, x.accepted() + y.accepted(),
                        x.completed() + y.completed(), x.onTime() + y.onTime(), x.workingDays() + y.workingDays()));
            }
        }
        List<Line> lines = new ArrayList<>();
        sums.forEach((k, l) -> lines.add(new Line(k, l.accepted(), l.completed(), l.onTime(), l.workingDays())));
        Comparator<Line> busiest = Comparator.comparingLong(Line::accepted).reversed();
        lines.sort(busiest.thenComparing(ties));   // a stable sort: (x, y) -> 0 keeps the cells' order
        return lines;
    }

    private record Cell(String town, String department, Line counts) {
    }

    private static Line sum(String key, List<Line> lines) {
        return new Line(key, lines.stream().mapToLong(Line::accepted).sum(), lines.stream().mapToLong(Line::completed).sum(),
                lines.stream().mapToLong(Line::onTime).sum(), lines.stream().mapToLong(Line::workingDays).sum());
    }

    /** Every town of the district, busiest first (by 受理量, then 办结率); towns without applications come last. */
    private List<RankedTown> ranking(List<Line> lines) {
        Map<String, Line> byCode = new HashMap<>();
        lines.forEach(l -> byCode.put(l.key(), l));
        List<Line> all = new ArrayList<>();
        for (Town t : jurisdictions.towns()) {
            all.add(byCode.getOrDefault(t.code(), new Line(t.code(), 0, 0, 0, 0)));
        }
        all.sort(Comparator.comparingLong(Line::accepted).reversed()
                .thenComparing(l -> l.completionRate() == null ? BigDecimal.ZERO : l.completionRate(), Comparator.reverseOrder())
                .thenComparing(Line::key));
        List<RankedTown> ranked = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Line l = all.get(i);
            ranked.add(new RankedTown(i + 1, l.key(), townName(l.key()), l.accepted(), l.completed(), l.completionRate()));
        }
        return ranked;
    }

    private List<TownLine> named(List<Line> lines) {
        return lines.stream().map(l -> new TownLine(l.key(), townName(l.key()), l.accepted(), l.completed(),
                l.completionRate(), l.onTimeRate(), l.averageWorkingDays())).toList();
    }

    private String townName(String code) {
        return jurisdictions.town(code).map(Town::name).orElse(code);
    }

    /**
     * Waiting time = first call − issue, over tickets called in the period: nearest-rank percentiles and the mean, from
     * the tickets counted per whole second of waiting.
     */
    private static Waiting waiting(List<long[]> histogram) {
        long n = histogram.stream().mapToLong(h -> h[1]).sum();
        if (n == 0) {
            return new Waiting(0, null, null, null);
        }
        long total = histogram.stream().mapToLong(h -> h[0] * h[1]).sum();
        long mean = BigDecimal.valueOf(total).divide(BigDecimal.valueOf(n), 4, RoundingMode.HALF_UP)
                .setScale(0, RoundingMode.HALF_UP).longValueExact();   // as AVG() rounded: four decimals, then whole
        return new Waiting(n, percentile(histogram, n, 50), percentile(histogram, n, 90), mean);
    }

    /** The value at nearest rank ⌈n·p/100⌉ of the sorted waiting times. */
    private static Integer percentile(List<long[]> histogram, long n, int p) {
        long rank = Math.max(1, (long) Math.ceil(n * p / 100.0));
        long seen = 0;
        for (long[] h : histogram) {
            seen += h[1];
            if (seen >= rank) {
                return (int) h[0];
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond " + n);
    }

    /** 好差评 of the period: 好评率 (levels 5–3 of all), 差评, and how many named 差评 were rectified. */
    private static Ratings ratings(ResultSet rs) throws SQLException {
        long total = rs.getLong("total");
        long namedNegative = rs.getLong("named_negative");
        long voided = rs.getLong("voided");
        return new Ratings(total, rs.getLong("good"), rate(rs.getLong("good"), total), rs.getLong("negative"),
                namedNegative, rs.getLong("visited"), rs.getLong("rectified"), voided,
                rate(rs.getLong("rectified"), namedNegative - voided));
    }

    private static Cell cell(ResultSet rs) throws SQLException {
        return new Cell(rs.getString("town_code"), rs.getString("department"), new Line(null, rs.getLong("accepted"),
                rs.getLong("completed"), rs.getLong("on_time"), rs.getLong("working_days")));
    }

    /**
     * The rollups ({@link FigureRollupService}): applications and ratings by day, so any period is whole days; waiting
     * times by month, with the days of a period's partial first and last months read from the tickets.
     */
    private final class Rollups implements Source {
        @Override
        public List<Cell> cells(List<String> towns, LocalDate from, LocalDate to) {
            return jdbc.sql("""
                            SELECT town_code, department, SUM(accepted) AS accepted, SUM(completed) AS completed,
                                   SUM(on_time) AS on_time, SUM(working_days) AS working_days
                            FROM figure_application_day
                            WHERE town_code IN (:towns) AND accepted_on BETWEEN :from AND :to
                            GROUP BY town_code, department HAVING SUM(accepted) > 0
                            ORDER BY department, town_code""")
                    .param("towns", towns).param("from", from).param("to", to)
                    .query((rs, i) -> cell(rs)).list();
        }

        @Override
        public List<long[]> waitingHistogram(List<String> towns, LocalDate from, LocalDate to) {
            LocalDate firstWhole = from.getDayOfMonth() == 1 ? from : from.plusMonths(1).withDayOfMonth(1);
            LocalDate afterWhole = to.plusDays(1).withDayOfMonth(1);   // the first day after the last whole month
            if (!firstWhole.isBefore(afterWhole)) {
                return live.waitingHistogram(towns, from, to);   // no whole month inside
            }
            Map<Long, Long> counts = new TreeMap<>();
            jdbc.sql("""
                            SELECT waiting_seconds, SUM(tickets) FROM figure_waiting_month
                            WHERE town_code IN (:towns) AND month >= :from AND month < :to
                            GROUP BY waiting_seconds""")
                    .param("towns", towns).param("from", firstWhole).param("to", afterWhole)
                    .query((rs, i) -> counts.merge(rs.getLong(1), rs.getLong(2), Long::sum)).list();
            if (from.isBefore(firstWhole)) {
                live.waitingHistogram(towns, from, firstWhole.minusDays(1)).forEach(h -> counts.merge(h[0], h[1], Long::sum));
            }
            if (!to.isBefore(afterWhole)) {
                live.waitingHistogram(towns, afterWhole, to).forEach(h -> counts.merge(h[0], h[1], Long::sum));
            }
            List<long[]> histogram = new ArrayList<>();
            counts.forEach((seconds, n) -> {
                if (n > 0) {
                    histogram.add(new long[]{seconds, n});
                }
            });
            return histogram;
        }

        @Override
        public Ratings ratings(List<String> towns, LocalDate from, LocalDate to) {
            return jdbc.sql("""
                            SELECT COALESCE(SUM(total), 0) AS total, COALESCE(SUM(good), 0) AS good,
                                   COALESCE(SUM(negative), 0) AS negative, COALESCE(SUM(named_negative), 0) AS named_negative,
                                   COALESCE(SUM(rectified), 0) AS rectified, COALESCE(SUM(voided), 0) AS voided,
                                   COALESCE(SUM(visited), 0) AS visited
                            FROM figure_rating_day
                            WHERE town_code IN (:towns) AND rated_on BETWEEN :from AND :to""")
                    .param("towns", towns).param("from", from).param("to", to)
                    .query((rs, i) -> ServiceHallStatsService.ratings(rs)).single();
        }
    }

    /** The live tables, over their covering indexes: every application, ticket and rating of the period. */
    private final class Live implements Source {
        /** One range scan of {@code ix_application_figures}. */
        @Override
        public List<Cell> cells(List<String> towns, LocalDate from, LocalDate to) {
            return jdbc.sql("SELECT town_code, department, COUNT(*) AS accepted,"
                            + " COALESCE(SUM(status IN ('COMPLETED', 'DELIVERED')), 0) AS completed,"
                            + " COALESCE(SUM(on_time = TRUE), 0) AS on_time,"
                            + " COALESCE(SUM(working_days), 0) AS working_days"
                            + " FROM application WHERE town_code IN (:towns) AND accepted_on BETWEEN :from AND :to AND "
                            + RUNNING_OR_DONE + " GROUP BY town_code, department ORDER BY department, town_code")
                    .param("towns", towns).param("from", from).param("to", to)
                    .query((rs, i) -> cell(rs)).list();
        }

        /** One pass over {@code ix_ticket_waiting}. */
        @Override
        public List<long[]> waitingHistogram(List<String> towns, LocalDate from, LocalDate to) {
            return jdbc.sql("""
                            SELECT waiting_seconds, COUNT(*) FROM ticket
                            WHERE town_code IN (:towns) AND service_day BETWEEN :from AND :to
                              AND waiting_seconds IS NOT NULL
                            GROUP BY waiting_seconds ORDER BY waiting_seconds""")
                    .param("towns", towns).param("from", from).param("to", to)
                    .query((rs, i) -> new long[]{rs.getLong(1), rs.getLong(2)}).list();
        }

        @Override
        public Ratings ratings(List<String> towns, LocalDate from, LocalDate to) {
            return jdbc.sql("""
                            SELECT COUNT(*) AS total,
                                   COALESCE(SUM(r.score >= 3), 0) AS good,
                                   COALESCE(SUM(r.negative), 0) AS negative,
                                   COALESCE(SUM(r.negative AND r.named), 0) AS named_negative,
                                   COALESCE(SUM(r.negative AND r.named AND c.status = 'CLOSED'), 0) AS rectified,
                                   COALESCE(SUM(r.negative AND r.named AND c.status = 'VOIDED'), 0) AS voided,
                                   COALESCE(SUM(r.negative AND r.named AND c.return_visit_at IS NOT NULL), 0) AS visited
                            FROM rating r LEFT JOIN rectification c ON c.rating_id = r.id
                            WHERE r.town_code IN (:towns) AND r.rated_at >= :from AND r.rated_at < :to""")
                    .param("towns", towns).param("from", start(from)).param("to", start(to.plusDays(1)))
                    .query((rs, i) -> ServiceHallStatsService.ratings(rs)).single();
        }
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(WorkingDayCalendar.ZONE).toInstant());
    }

    static BigDecimal rate(long part, long whole) {
        return whole <= 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private record Line(String key, long accepted, long completed, long onTime, long workingDays) {
        BigDecimal completionRate() {
            return rate(completed, accepted);
        }

        BigDecimal onTimeRate() {
            return rate(onTime, completed);
        }

        BigDecimal averageWorkingDays() {
            return completed == 0 ? null
                    : BigDecimal.valueOf(workingDays).divide(BigDecimal.valueOf(completed), 1, RoundingMode.HALF_UP);
        }
    }

    /**
     * The figures of a period. Percentages have one decimal and are null when there is nothing to divide by.
     *
     * @param accepted       受理量
     * @param completed      办结量: of those accepted in the period, completed since
     * @param completionRate 办结率 = completed / accepted
     * @param onTimeRate     completed by the promised due date / completed
     * @param ranking        the district's towns by 受理量 (district view only)
     * @param townRank       the caller's town's place among the district's towns (a single town's view)
     */
    public record HallStats(List<String> towns, LocalDate from, LocalDate to, long accepted, long completed,
                            BigDecimal completionRate, long onTime, BigDecimal onTimeRate, BigDecimal averageWorkingDays,
                            List<DepartmentLine> byDepartment, List<TownLine> byTown, List<RankedTown> ranking, Rank townRank,
                            Waiting waiting, Ratings ratings) {
    }

    public record DepartmentLine(String department, long accepted, long completed, BigDecimal completionRate, long onTime,
                                 BigDecimal onTimeRate, BigDecimal averageWorkingDays) {
    }

    public record TownLine(String town, String name, long accepted, long completed, BigDecimal completionRate,
                           BigDecimal onTimeRate, BigDecimal averageWorkingDays) {
    }

    public record RankedTown(int rank, String town, String name, long accepted, long completed, BigDecimal completionRate) {
    }

    public record Rank(int rank, int of) {
    }

    /** Seconds from issue to first call: p50, p90 and the mean, over {@code tickets} called. */
    public record Waiting(long tickets, Integer p50Seconds, Integer p90Seconds, Long averageSeconds) {
    }

    /**
     * @param goodRate       好评率: levels 5–3 / all
     * @param rectifiedRate  named 差评 whose case was closed after rectification / named 差评 not voided on appeal
     */
    public record Ratings(long total, long good, BigDecimal goodRate, long negative, long namedNegative,
                          long namedNegativeVisited, long namedNegativeRectified, long namedNegativeVoided,
                          BigDecimal rectifiedRate) {
    }
}
