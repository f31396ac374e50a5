package org.zhenwu.document.disclosure;

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
import org.zhenwu.platform.security.Roles;

/**
 * The 政务公开 lines of the annual summary ("通过政务网站、政务微信、广播电视及报刊主动公开信息XX条"), month by month in
 * Beijing time. An item counts in the month it was first published, also when it was withdrawn later (it was
 * disclosed); imported historical items count like the others.
 * <ul>
 * <li>{@value #ITEMS}: items published</li>
 * <li>{@value #WEBSITE}: items published on the website (网站)</li>
 * <li>{@value #WECHAT}: items published on the WeChat account (微信公众号)</li>
 * </ul>
 */
@Service
public class DisclosureFigures {
    public static final String ITEMS = "disclosure.items";
    public static final String WEBSITE = "disclosure.website";
    public static final String WECHAT = "disclosure.wechat";

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;

    DisclosureFigures(JdbcClient jdbc, Jurisdictions jurisdictions) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
    }

    /** For each key, 12 monthly counts (index 0 = January) of those towns in that year; for the annual summary. */
    @Transactional(readOnly = true)
    public Map<String, long[]> monthly(List<String> towns, int year) {
        Map<String, long[]> m = new LinkedHashMap<>();
        m.put(ITEMS, new long[12]);
        m.put(WEBSITE, new long[12]);
        m.put(WECHAT, new long[12]);
        Map<String, Object> p = period(towns, year);
        jdbc.sql("""
                SELECT MONTH(published_at + INTERVAL 8 HOUR) AS m, COUNT(*) AS n FROM disclosure_item
                WHERE town_code IN (:towns) AND published_at >= :from AND published_at < :to GROUP BY m""")
                .params(p).query((rs, r) -> m.get(ITEMS)[rs.getInt("m") - 1] = rs.getLong("n")).list();
        jdbc.sql("""
                SELECT c.channel AS ch, MONTH(c.published_at + INTERVAL 8 HOUR) AS m, COUNT(*) AS n
                FROM disclosure_channel c JOIN disclosure_item i ON i.id = c.item_id
                WHERE i.town_code IN (:towns) AND c.channel IN ('WEBSITE', 'WECHAT')
                  AND c.published_at >= :from AND c.published_at < :to GROUP BY ch, m""")
                .params(p).query((rs, r) -> m.get("WEBSITE".equals(rs.getString("ch")) ? WEBSITE : WECHAT)
                        [rs.getInt("m") - 1] = rs.getLong("n")).list();
        return m;
    }

    /** The year's totals per key, with the items per category and per channel (every channel). */
    @Transactional(readOnly = true)
    public DisclosureStats stats(Caller caller, String town, int year) {
        caller.requireAnyRole(Roles.OFFICE_CLERK, Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN);
        List<String> towns = jurisdictions.readScope(caller, town).codes();
        Map<String, long[]> months = monthly(towns, year);
        Map<String, Long> totals = new LinkedHashMap<>();
        months.forEach((k, v) -> totals.put(k, Arrays.stream(v).sum()));
        Map<String, Object> p = period(towns, year);
        Map<String, Long> byCategory = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT category AS k, COUNT(*) AS n FROM disclosure_item
                WHERE town_code IN (:towns) AND published_at >= :from AND published_at < :to
                GROUP BY category ORDER BY n DESC, category""")
                .params(p).query((rs, r) -> byCategory.put(rs.getString("k"), rs.getLong("n"))).list();
        Map<String, Long> byChannel = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT c.channel AS k, COUNT(*) AS n
                FROM disclosure_channel c JOIN disclosure_item i ON i.id = c.item_id
                WHERE i.town_code IN (:towns) AND c.published_at >= :from AND c.published_at < :to
                GROUP BY c.channel ORDER BY n DESC, c.channel""")
                .params(p).query((rs, r) -> byChannel.put(rs.getString("k"), rs.getLong("n"))).list();
        return new DisclosureStats(towns, year, totals, byCategory, byChannel, months);
    }

    private static Map<String, Object> period(List<String> towns, int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        return Map.of("towns", towns,
                "from", Timestamp.from(from.atStartOfDay(WorkingDayCalendar.ZONE).toInstant()),
                "to", Timestamp.from(from.plusYears(1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant()));
    }

    /**
     * @param totals     the year's sum of each figure key
     * @param byCategory items published per {@link DisclosureCategory}
     * @param byChannel  items published per {@link DisclosureChannel}
     * @param monthly    the figure keys month by month, as {@link #monthly} gives them
     */
    public record DisclosureStats(List<String> towns, int year, Map<String, Long> totals, Map<String, Long> byCategory,
                                  Map<String, Long> byChannel, Map<String, long[]> monthly) {
    }
}
