package org.zhenwu.congress.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
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
 * The congress lines of the annual summary ("代表的意见建议XX条，全部按时办复"), for the towns a caller may see:
 * suggestions, motions and proposals received in the period and how they were answered (on-time rate on the first
 * reply, A–D mix, satisfaction), the livelihood projects voted in those years and their progress, the opinions the
 * stations collected, and the meetings held. Each item counts in the period it was submitted.
 */
@Service
public class CongressStatsService {
    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;
    private final Clock clock;

    CongressStatsService(JdbcClient jdbc, Jurisdictions jurisdictions, Clock clock) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public CongressStats stats(Caller caller, String town, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidFieldException("to", "must not be before from");
        }
        if (from.plusYears(5).isBefore(to)) {
            throw new InvalidFieldException("to", "a period is at most five years");
        }
        List<String> towns = jurisdictions.readScope(caller, town).codes();
        LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
        Map<String, Handling> byKind = new LinkedHashMap<>();
        for (String kind : List.of("SUGGESTION", "MOTION", "PROPOSAL")) {
            byKind.put(kind, handling(towns, kind, from, to, today));
        }
        return new CongressStats(towns, from, to, byKind, projects(towns, from.getYear(), to.getYear()),
                opinions(towns, from, to), meetings(towns, from, to), budget(towns, from.getYear(), to.getYear()),
                activities(towns, from, to));
    }

    private Budget budget(List<String> towns, int fromYear, int toYear) {
        var lines = jdbc.sql("""
                SELECT COUNT(*) AS n, COALESCE(SUM(planned_amount), 0) AS planned,
                       COALESCE(SUM(approved_on IS NOT NULL), 0) AS approved,
                       COALESCE(SUM(evaluation_grade IS NOT NULL), 0) AS evaluated,
                       COALESCE(SUM(target_met = TRUE), 0) AS met
                FROM budget_line WHERE town_code IN (:towns) AND year BETWEEN :from AND :to""")
                .param("towns", towns).param("from", fromYear).param("to", toYear)
                .query((rs, i) -> new Object[] {rs.getLong("n"), rs.getBigDecimal("planned"), rs.getLong("approved"),
                        rs.getLong("evaluated"), rs.getLong("met")}).single();
        BigDecimal spent = jdbc.sql("""
                SELECT COALESCE(SUM(e.spent), 0) FROM budget_execution e JOIN budget_line l ON l.id = e.line_id
                WHERE l.town_code IN (:towns) AND l.year BETWEEN :from AND :to""")
                .param("towns", towns).param("from", fromYear).param("to", toYear).query(BigDecimal.class).single();
        Map<String, Long> deviations = new LinkedHashMap<>();
        for (String k : List.of("UNDER_EXECUTION", "OVER_EXECUTION", "BEFORE_APPROVAL")) {
            deviations.put(k, 0L);
        }
        jdbc.sql("""
                SELECT deviation, COUNT(*) AS n FROM budget_deviation WHERE town_code IN (:towns)
                AND year BETWEEN :from AND :to GROUP BY deviation""")
                .param("towns", towns).param("from", fromYear).param("to", toYear)
                .query((rs, i) -> deviations.put(rs.getString("deviation"), rs.getLong("n"))).list();
        var asked = jdbc.sql("""
                SELECT COUNT(*) AS n, COALESCE(SUM(q.status = 'ANSWERED'), 0) AS answered
                FROM budget_inquiry q JOIN budget_line l ON l.id = q.line_id
                WHERE q.town_code IN (:towns) AND l.year BETWEEN :from AND :to""")
                .param("towns", towns).param("from", fromYear).param("to", toYear)
                .query((rs, i) -> new long[] {rs.getLong("n"), rs.getLong("answered")}).single();
        BigDecimal planned = ((BigDecimal) lines[1]).setScale(2, RoundingMode.HALF_UP);
        BigDecimal rate = planned.signum() == 0 ? null
                : spent.multiply(BigDecimal.valueOf(100)).divide(planned, 1, RoundingMode.HALF_UP);
        return new Budget((Long) lines[0], (Long) lines[2], planned, spent.setScale(2, RoundingMode.HALF_UP), rate,
                deviations, asked[0], asked[1], (Long) lines[3], (Long) lines[4]);
    }

    private Activities activities(List<String> towns, LocalDate from, LocalDate to) {
        Map<String, Long> byKind = new LinkedHashMap<>();
        for (String k : List.of("TRAINING", "INSPECTION", "INTERVIEW", "RECEPTION")) {
            byKind.put(k, 0L);
        }
        jdbc.sql("""
                SELECT kind, COUNT(*) AS n FROM member_activity WHERE town_code IN (:towns)
                AND held_on BETWEEN :from AND :to GROUP BY kind""")
                .param("towns", towns).param("from", from).param("to", to)
                .query((rs, i) -> byKind.put(rs.getString("kind"), rs.getLong("n"))).list();
        long[] people = jdbc.sql("""
                SELECT COUNT(*) AS invited, COALESCE(SUM(p.attended), 0) AS attended
                FROM member_activity_participant p JOIN member_activity a ON a.id = p.activity_id
                WHERE a.town_code IN (:towns) AND a.held_on BETWEEN :from AND :to""")
                .param("towns", towns).param("from", from).param("to", to)
                .query((rs, i) -> new long[] {rs.getLong("invited"), rs.getLong("attended")}).single();
        return new Activities(byKind, people[0], people[1], rate(people[1], people[0]));
    }

    private Handling handling(List<String> towns, String kind, LocalDate from, LocalDate to, LocalDate today) {
        var counts = jdbc.sql("""
                SELECT COUNT(*) AS received,
                       COALESCE(SUM(status <> 'SUBMITTED'), 0) AS registered,
                       COALESCE(SUM(first_replied_at IS NOT NULL), 0) AS replied,
                       COALESCE(SUM(first_reply_on_time = TRUE), 0) AS replied_on_time,
                       COALESCE(SUM(status IN ('ASSIGNED', 'REHANDLING') AND reply_due < :today), 0) AS overdue,
                       COALESCE(SUM(extended_from IS NOT NULL), 0) AS extended,
                       COALESCE(SUM(rehandlings > 0), 0) AS rehandled,
                       COALESCE(SUM(status = 'TRACKING'), 0) AS tracking,
                       COALESCE(SUM(status = 'CLOSED'), 0) AS closed,
                       COALESCE(SUM(satisfaction IS NOT NULL), 0) AS with_feedback,
                       COALESCE(SUM(satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED')), 0) AS satisfied,
                       COALESCE(SUM(merged_into IS NOT NULL), 0) AS merged
                FROM suggestion
                WHERE town_code IN (:towns) AND kind = :kind AND submitted_at >= :from AND submitted_at < :to""")
                .param("towns", towns).param("kind", kind).param("today", today)
                .param("from", start(from)).param("to", start(to.plusDays(1)))
                .query((rs, i) -> new long[] {rs.getLong("received"), rs.getLong("registered"), rs.getLong("replied"),
                        rs.getLong("replied_on_time"), rs.getLong("overdue"), rs.getLong("extended"), rs.getLong("rehandled"),
                        rs.getLong("tracking"), rs.getLong("closed"), rs.getLong("with_feedback"), rs.getLong("satisfied"),
                        rs.getLong("merged")})
                .single();
        return new Handling(counts[0], counts[1], counts[2], counts[3], rate(counts[3], counts[2]), counts[4], counts[5],
                counts[6], counts[7], counts[8], grouped("category", towns, kind, from, to, "A", "B", "C", "D"),
                grouped("satisfaction", towns, kind, from, to, "SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED"),
                counts[9], rate(counts[10], counts[9]), counts[11]);
    }

    private Map<String, Long> grouped(String column, List<String> towns, String kind, LocalDate from, LocalDate to,
                                      String... keys) {
        Map<String, Long> result = new LinkedHashMap<>();
        for (String k : keys) {
            result.put(k, 0L);
        }
        jdbc.sql("SELECT " + column + " AS k, COUNT(*) AS n FROM suggestion WHERE town_code IN (:towns) AND kind = :kind "
                        + "AND submitted_at >= :from AND submitted_at < :to AND " + column + " IS NOT NULL GROUP BY k")
                .param("towns", towns).param("kind", kind).param("from", start(from)).param("to", start(to.plusDays(1)))
                .query((rs, i) -> result.put(rs.getString("k"), rs.getLong("n"))).list();
        return result;
    }

    private Projects projects(List<String> towns, int fromYear, int toYear) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT status, COUNT(*) AS n FROM livelihood_project
                WHERE town_code IN (:towns) AND year BETWEEN :from AND :to GROUP BY status ORDER BY status""")
                .param("towns", towns).param("from", fromYear).param("to", toYear)
                .query((rs, i) -> byStatus.put(rs.getString("status"), rs.getLong("n"))).list();
        var progress = jdbc.sql("""
                SELECT COUNT(*) AS n, AVG(progress_percent) AS avg_progress
                FROM livelihood_project WHERE town_code IN (:towns) AND year BETWEEN :from AND :to
                AND status IN ('ELECTED', 'IN_PROGRESS', 'COMPLETED', 'EVALUATED')""")
                .param("towns", towns).param("from", fromYear).param("to", toYear)
                .query((rs, i) -> new Object[] {rs.getLong("n"), rs.getBigDecimal("avg_progress")}).single();
        long votes = jdbc.sql("""
                SELECT COUNT(*) FROM livelihood_vote WHERE town_code IN (:towns) AND status = 'TALLIED'
                AND YEAR(opened_at) BETWEEN :from AND :to""")
                .param("towns", towns).param("from", fromYear).param("to", toYear).query(Long.class).single();
        long proposed = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long voted = sum(byStatus, "ELECTED", "NOT_ELECTED", "IN_PROGRESS", "COMPLETED", "EVALUATED");
        BigDecimal avg = (BigDecimal) progress[1];
        return new Projects(proposed, votes, voted, (Long) progress[0], sum(byStatus, "COMPLETED", "EVALUATED"),
                sum(byStatus, "EVALUATED"), avg == null ? null : avg.setScale(1, RoundingMode.HALF_UP), byStatus);
    }

    private Map<String, Long> opinions(List<String> towns, LocalDate from, LocalDate to) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (String s : List.of("RECEIVED", "REFERRED", "CONVERTED", "ANSWERED")) {
            byStatus.put(s, 0L);
        }
        jdbc.sql("""
                SELECT status, COUNT(*) AS n FROM public_opinion WHERE town_code IN (:towns)
                AND collected_on BETWEEN :from AND :to GROUP BY status""")
                .param("towns", towns).param("from", from).param("to", to)
                .query((rs, i) -> byStatus.put(rs.getString("status"), rs.getLong("n"))).list();
        return byStatus;
    }

    private Meetings meetings(List<String> towns, LocalDate from, LocalDate to) {
        long sessions = jdbc.sql("SELECT COUNT(*) FROM congress_session WHERE town_code IN (:towns) AND opens_on BETWEEN :from AND :to")
                .param("towns", towns).param("from", from).param("to", to).query(Long.class).single();
        long presidium = jdbc.sql("SELECT COUNT(*) FROM presidium_meeting WHERE town_code IN (:towns) AND held_on BETWEEN :from AND :to")
                .param("towns", towns).param("from", from).param("to", to).query(Long.class).single();
        return new Meetings(sessions, presidium);
    }

    private static long sum(Map<String, Long> counts, String... keys) {
        long n = 0;
        for (String k : keys) {
            n += counts.getOrDefault(k, 0L);
        }
        return n;
    }

    /** Midnight in the offices' time zone, as the UTC instant the column holds. */
    private static Timestamp start(LocalDate day) {
        ZonedDateTime midnight = day.atStartOfDay(WorkingDayCalendar.ZONE);
        return Timestamp.from(midnight.toInstant());
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /**
     * Percentages have one decimal; null when there is nothing to divide by.
     *
     * @param replied           suggestions with a first reply
     * @param onTimeReplyRate   按时办复率: first replies by their deadline (extended where agreed) / replied
     * @param overdue           waiting for a reply past its deadline today
     * @param byCategory        the last reply's class, A–D
     * @param satisfactionRate  满意 + 基本满意 / with feedback, on the last feedback
     * @param merged            handled with another one (并案); each still counts in every other figure
     */
    public record Handling(long received, long registered, long replied, long repliedOnTime, BigDecimal onTimeReplyRate,
                           long overdue, long extended, long rehandled, long tracking, long closed,
                           Map<String, Long> byCategory, Map<String, Long> bySatisfaction, long withFeedback,
                           BigDecimal satisfactionRate, long merged) {
    }

    /**
     * Livelihood projects of the years the period touches.
     *
     * @param votesHeld       票决 votes counted
     * @param voted           projects that went through a vote (elected or not)
     * @param elected         projects elected, in any later stage
     * @param averageProgress of the elected projects, percent
     */
    public record Projects(long proposed, long votesHeld, long voted, long elected, long completed, long evaluated,
                           BigDecimal averageProgress, Map<String, Long> byStatus) {
    }

    public record Meetings(long sessions, long presidiumMeetings) {
    }

    /**
     * 预算联网监督 for the budget years the period touches.
     *
     * @param spent         all months imported so far
     * @param executionRate spent / planned, percent
     * @param deviations    flags raised to the presidium, by kind
     * @param targetsMet    lines whose year-end evaluation found the performance target met
     */
    public record Budget(long lines, long approvedLines, BigDecimal planned, BigDecimal spent, BigDecimal executionRate,
                         Map<String, Long> deviations, long inquiries, long inquiriesAnswered, long evaluated,
                         long targetsMet) {
    }

    /** Deputies' and CPPCC members' activities held in the period; attendance over everyone invited. */
    public record Activities(Map<String, Long> byKind, long invited, long attended, BigDecimal attendanceRate) {
    }

    /** @param byKind SUGGESTION (代表建议), MOTION (议案), PROPOSAL (政协提案) */
    public record CongressStats(List<String> towns, LocalDate from, LocalDate to, Map<String, Handling> byKind,
                                Projects projects, Map<String, Long> opinions, Meetings meetings, Budget budget,
                                Activities activities) {
    }
}
