package org.zhenwu.document.archive;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.security.Caller;

/**
 * The 档案 lines of the annual summary ("整理文书档案XX件 … 婚姻档案XX件"), month by month in Beijing time. An item
 * counts in the month it was arranged (filed), whatever year it belongs to and whether it was destroyed later;
 * imported items count on their arrangement day.
 * <ul>
 * <li>{@value #DOCUMENTARY}: 文书 items arranged</li>
 * <li>{@value #MARRIAGE}: 婚姻 items arranged</li>
 * <li>{@value #TOTAL}: items of every category arranged (件 and 卷 alike)</li>
 * </ul>
 */
@Service
public class ArchiveFigures {
    public static final String DOCUMENTARY = "archives.documentary";
    public static final String MARRIAGE = "archives.marriage";
    public static final String TOTAL = "archives.total";

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;

    ArchiveFigures(JdbcClient jdbc, Jurisdictions jurisdictions) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
    }

    /** For each key, 12 monthly counts (index 0 = January) of those towns in that year; for the annual summary. */
    @Transactional(readOnly = true)
    public Map<String, long[]> monthly(List<String> towns, int year) {
        Map<String, long[]> m = new LinkedHashMap<>();
        m.put(DOCUMENTARY, new long[12]);
        m.put(MARRIAGE, new long[12]);
        m.put(TOTAL, new long[12]);
        jdbc.sql("""
                SELECT MONTH(arranged_at + INTERVAL 8 HOUR) AS m, COUNT(*) AS total,
                       COALESCE(SUM(category = 'DOCUMENTARY'), 0) AS documentary,
                       COALESCE(SUM(category = 'MARRIAGE'), 0) AS marriage
                FROM archive_item
                WHERE town_code IN (:towns) AND arranged_at >= :from AND arranged_at < :to GROUP BY m""")
                .params(period(towns, year)).query((rs, r) -> {
                    int k = rs.getInt("m") - 1;
                    m.get(DOCUMENTARY)[k] = rs.getLong("documentary");
                    m.get(MARRIAGE)[k] = rs.getLong("marriage");
                    m.get(TOTAL)[k] = rs.getLong("total");
                    return k;
                }).list();
        return m;
    }

    /** The year's totals per key, with the items arranged per category and per retention. */
    @Transactional(readOnly = true)
    public ArchiveStats stats(Caller caller, String town, int year) {
        caller.requireAnyRole(ArchiveService.OVERSEERS);
        List<String> towns = jurisdictions.readScope(caller, town).codes();
        Map<String, long[]> months = monthly(towns, year);
        Map<String, Long> totals = new LinkedHashMap<>();
        months.forEach((k, v) -> totals.put(k, Arrays.stream(v).sum()));
        Map<String, Long> byCategory = new LinkedHashMap<>();
        Map<String, Long> byRetention = new LinkedHashMap<>();
        for (var group : List.of(Map.entry("category", byCategory), Map.entry("retention", byRetention))) {
            jdbc.sql("SELECT " + group.getKey() + " AS k, COUNT(*) AS n FROM archive_item WHERE town_code IN (:towns)"
                            + " AND arranged_at >= :from AND arranged_at < :to GROUP BY k ORDER BY n DESC, k")
                    .params(period(towns, year))
                    .query((rs, r) -> group.getValue().put(rs.getString("k"), rs.getLong("n"))).list();
        }
        return new ArchiveStats(towns, year, totals, byCategory, byRetention, months);
    }

    private static Map<String, Object> period(List<String> towns, int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        return Map.of("towns", towns,
                "from", Timestamp.from(from.atStartOfDay(WorkingDayCalendar.ZONE).toInstant()),
                "to", Timestamp.from(from.plusYears(1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant()));
    }

    /**
     * @param totals      the year's sum of each figure key
     * @param byCategory  items arranged per {@link ArchiveCategory}
     * @param byRetention items arranged per {@link Retention}
     * @param monthly     the figure keys month by month, as {@link #monthly} gives them
     */
    public record ArchiveStats(List<String> towns, int year, Map<String, Long> totals, Map<String, Long> byCategory,
                               Map<String, Long> byRetention, Map<String, long[]> monthly) {
    }
}
