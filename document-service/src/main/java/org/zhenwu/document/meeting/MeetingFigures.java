package org.zhenwu.document.meeting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
 * The annual summary's lines on meetings (办会) and research visits (调研), month by month, for both features. Each
 * counts in the month of its own date (a meeting's start, a visit's first day, Beijing time), imported history
 * included:
 * <ul>
 * <li>{@code meetings.held}: meetings held (HELD or MINUTED);</li>
 * <li>{@code meetings.partyCommittee}: of those, 党委会 (PARTY_COMMITTEE);</li>
 * <li>{@code meetings.decisions}: decisions (议定事项) of minuted meetings turned into supervision tasks;</li>
 * <li>{@code research.visits}: research visits conducted (CONDUCTED or REPORTED);</li>
 * <li>{@code research.tasks}: supervision tasks opened from research visits' reports.</li>
 * </ul>
 */
@Service
public class MeetingFigures {
    public static final String MEETINGS_HELD = "meetings.held";
    public static final String PARTY_COMMITTEE = "meetings.partyCommittee";
    public static final String DECISIONS = "meetings.decisions";
    public static final String RESEARCH_VISITS = "research.visits";
    public static final String RESEARCH_TASKS = "research.tasks";
    public static final List<String> KEYS = List.of(MEETINGS_HELD, PARTY_COMMITTEE, DECISIONS, RESEARCH_VISITS,
            RESEARCH_TASKS);

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;

    MeetingFigures(JdbcClient jdbc, Jurisdictions jurisdictions) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
    }

    /** For each key above, 12 monthly counts (index 0 = January) for those towns and that year. */
    @Transactional(readOnly = true)
    public Map<String, long[]> monthly(List<String> towns, int year) {
        Map<String, long[]> months = new LinkedHashMap<>();
        KEYS.forEach(k -> months.put(k, new long[12]));
        if (towns.isEmpty()) {
            return months;
        }
        Map<String, Object> p = params(towns, year);
        jdbc.sql("""
                SELECT MONTH(starts_at + INTERVAL 8 HOUR) AS m, COUNT(*) AS held,
                       COALESCE(SUM(meeting_type = 'PARTY_COMMITTEE'), 0) AS party
                FROM meeting WHERE town_code IN (:towns) AND status IN ('HELD', 'MINUTED')
                  AND starts_at >= :from AND starts_at < :to GROUP BY m""")
                .params(p).query((rs, i) -> {
                    int k = rs.getInt("m") - 1;
                    months.get(MEETINGS_HELD)[k] = rs.getLong("held");
                    months.get(PARTY_COMMITTEE)[k] = rs.getLong("party");
                    return k;
                }).list();
        jdbc.sql("""
                SELECT MONTH(m.starts_at + INTERVAL 8 HOUR) AS m, COUNT(*) AS n
                FROM meeting_decision d JOIN meeting m ON m.id = d.meeting_id
                WHERE m.town_code IN (:towns) AND d.task_id IS NOT NULL AND m.starts_at >= :from AND m.starts_at < :to
                GROUP BY MONTH(m.starts_at + INTERVAL 8 HOUR)""")
                .params(p).query((rs, i) -> months.get(DECISIONS)[rs.getInt("m") - 1] = rs.getLong("n")).list();
        jdbc.sql("""
                SELECT MONTH(start_date) AS m, COUNT(*) AS n FROM research_visit
                WHERE town_code IN (:towns) AND status IN ('CONDUCTED', 'REPORTED')
                  AND start_date >= :fromDay AND start_date < :toDay GROUP BY m""")
                .params(p).query((rs, i) -> months.get(RESEARCH_VISITS)[rs.getInt("m") - 1] = rs.getLong("n")).list();
        jdbc.sql("""
                SELECT MONTH(v.start_date) AS m, COUNT(*) AS n
                FROM research_visit_task t JOIN research_visit v ON v.id = t.visit_id
                WHERE v.town_code IN (:towns) AND v.start_date >= :fromDay AND v.start_date < :toDay
                GROUP BY MONTH(v.start_date)""")
                .params(p).query((rs, i) -> months.get(RESEARCH_TASKS)[rs.getInt("m") - 1] = rs.getLong("n")).list();
        return months;
    }

    /**
     * The year's totals for the towns the caller may see, computed from {@link #monthly}, with meetings held per
     * type and research visits conducted per method.
     */
    @Transactional(readOnly = true)
    public YearStats stats(Caller caller, String town, int year) {
        caller.requireAnyRole(Roles.OFFICE_CLERK, Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN);
        List<String> towns = jurisdictions.readScope(caller, town).codes();
        Map<String, long[]> months = monthly(towns, year);
        Map<String, Long> totals = new LinkedHashMap<>();
        months.forEach((k, v) -> totals.put(k, Arrays.stream(v).sum()));
        Map<String, Object> p = params(towns, year);
        Map<String, Long> byType = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT meeting_type AS k, COUNT(*) AS n FROM meeting
                WHERE town_code IN (:towns) AND status IN ('HELD', 'MINUTED') AND starts_at >= :from AND starts_at < :to
                GROUP BY meeting_type ORDER BY n DESC, meeting_type""")
                .params(p).query((rs, i) -> byType.put(rs.getString("k"), rs.getLong("n"))).list();
        Map<String, Long> byMethod = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT method AS k, COUNT(*) AS n FROM research_visit
                WHERE town_code IN (:towns) AND status IN ('CONDUCTED', 'REPORTED')
                  AND start_date >= :fromDay AND start_date < :toDay
                GROUP BY method ORDER BY n DESC, method""")
                .params(p).query((rs, i) -> byMethod.put(rs.getString("k"), rs.getLong("n"))).list();
        return new YearStats(towns, year, totals, months, byType, byMethod);
    }

    /**
     * @param totals           the year's total per figure key
     * @param monthly          the same, month by month
     * @param meetingsByType   meetings held per {@link MeetingType}
     * @param researchByMethod research visits conducted per method
     */
    public record YearStats(List<String> towns, int year, Map<String, Long> totals, Map<String, long[]> monthly,
                            Map<String, Long> meetingsByType, Map<String, Long> researchByMethod) {
    }

    private static Map<String, Object> params(List<String> towns, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        return Map.of("towns", towns, "from", utcStart(first), "to", utcStart(first.plusYears(1)),
                "fromDay", first, "toDay", first.plusYears(1));
    }

    /** Midnight in the offices' time zone, as the UTC wall-clock time the columns hold. */
    private static LocalDateTime utcStart(LocalDate day) {
        return LocalDateTime.ofInstant(day.atStartOfDay(WorkingDayCalendar.ZONE).toInstant(), ZoneOffset.UTC);
    }
}
