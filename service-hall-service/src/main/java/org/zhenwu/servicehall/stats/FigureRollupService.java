package org.zhenwu.servicehall.stats;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.platform.calendar.WorkingDayCalendar;

/**
 * Keeps the rollups of the hall figures ({@code V7__figure_rollups.sql}) equal to what a GROUP BY over the live tables
 * gives. The features call it in the transaction of each change that moves a figure, with what the changed row counted
 * before and after; each call is one {@code INSERT … ON DUPLICATE KEY UPDATE} adding the difference, so concurrent
 * changes add up whatever order they commit in. A bulk writer (the historical import) instead rebuilds the days it
 * touched from the live rows at the end of its transaction, however it inserted them.
 */
@Service
public class FigureRollupService {
    private final JdbcClient jdbc;

    FigureRollupService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What one application adds to the figures of its town, day of acceptance and department; null when it counts
     * nowhere (not accepted yet, or withdrawn).
     */
    public record ApplicationCell(String town, LocalDate acceptedOn, String department, boolean completed,
                                  boolean onTime, int workingDays) {
        public ApplicationCell {
            Objects.requireNonNull(town, "town");
            Objects.requireNonNull(acceptedOn, "acceptedOn");
            Objects.requireNonNull(department, "department");
        }
    }

    /** An application changed from counting as {@code before} to counting as {@code after} (either may be null). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void applicationMoved(ApplicationCell before, ApplicationCell after) {
        if (Objects.equals(before, after)) {
            return;
        }
        if (before != null && after != null && sameKey(before, after)) {
            addApplications(after, 0, bit(after.completed()) - bit(before.completed()),
                    bit(after.onTime()) - bit(before.onTime()), after.workingDays() - before.workingDays());
            return;
        }
        if (before != null) {
            addApplications(before, -1, -bit(before.completed()), -bit(before.onTime()), -before.workingDays());
        }
        if (after != null) {
            addApplications(after, 1, bit(after.completed()), bit(after.onTime()), after.workingDays());
        }
    }

    private static boolean sameKey(ApplicationCell a, ApplicationCell b) {
        return a.town().equals(b.town()) && a.acceptedOn().equals(b.acceptedOn()) && a.department().equals(b.department());
    }

    private void addApplications(ApplicationCell key, int accepted, int completed, int onTime, int workingDays) {
        jdbc.sql("""
                        INSERT INTO figure_application_day
                            (town_code, accepted_on, department, accepted, completed, on_time, working_days)
                        VALUES (:town, :day, :department, :accepted, :completed, :onTime, :workingDays)
                        ON DUPLICATE KEY UPDATE accepted = accepted + VALUES(accepted),
                            completed = completed + VALUES(completed), on_time = on_time + VALUES(on_time),
                            working_days = working_days + VALUES(working_days)""")
                .param("town", key.town()).param("day", key.acceptedOn()).param("department", key.department())
                .param("accepted", accepted).param("completed", completed).param("onTime", onTime)
                .param("workingDays", workingDays)
                .update();
    }

    /**
     * Rebuilds the town's application figures of {@code days} from the applications themselves (flush pending JPA
     * changes first): the historical import calls it once at the end of its transaction for the days it touched.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void rebuildApplicationDays(String town, Collection<LocalDate> days) {
        List<LocalDate> all = days.stream().distinct().sorted().toList();
        for (int i = 0; i < all.size(); i += 500) {
            List<LocalDate> batch = all.subList(i, Math.min(all.size(), i + 500));
            jdbc.sql("DELETE FROM figure_application_day WHERE town_code = :town AND accepted_on IN (:days)")
                    .param("town", town).param("days", batch).update();
            jdbc.sql(REBUILD_APPLICATIONS + " AND town_code = :town AND accepted_on IN (:days)" + GROUP_APPLICATIONS)
                    .param("town", town).param("days", batch).update();
        }
    }

    private static final String REBUILD_APPLICATIONS = """
            INSERT INTO figure_application_day
                (town_code, accepted_on, department, accepted, completed, on_time, working_days)
            SELECT town_code, accepted_on, department, COUNT(*), COALESCE(SUM(status IN ('COMPLETED', 'DELIVERED')), 0),
                   COALESCE(SUM(on_time = TRUE), 0), COALESCE(SUM(working_days), 0)
            FROM application
            WHERE accepted_on IS NOT NULL AND status IN ('ACCEPTED', 'APPROVED', 'REJECTED', 'COMPLETED', 'DELIVERED')""";
    private static final String GROUP_APPLICATIONS = " GROUP BY town_code, accepted_on, department";

    /** A ticket's waiting time changed from {@code before} to {@code after} seconds (null: not called yet). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void ticketWaitingMoved(String town, LocalDate serviceDay, Integer before, Integer after) {
        if (Objects.equals(before, after)) {
            return;
        }
        if (before != null) {
            addWaiting(town, serviceDay, before, -1);
        }
        if (after != null) {
            addWaiting(town, serviceDay, after, 1);
        }
    }

    private void addWaiting(String town, LocalDate serviceDay, int seconds, int tickets) {
        jdbc.sql("""
                        INSERT INTO figure_waiting_month (town_code, month, waiting_seconds, tickets)
                        VALUES (:town, :month, :seconds, :tickets)
                        ON DUPLICATE KEY UPDATE tickets = tickets + VALUES(tickets)""")
                .param("town", town).param("month", serviceDay.withDayOfMonth(1)).param("seconds", seconds)
                .param("tickets", tickets)
                .update();
    }

    /** A rating was given (saved and flushed): its counts go to the day it was stored with. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void rated(UUID ratingId) {
        RatingRow r = rating(ratingId);
        addRatings(r, 1, bit(r.score() >= 3), bit(r.negative()), bit(r.namedNegative()), 0, 0, 0);
    }

    /** What a rating's rectification case counts toward the named 差评 figures. */
    public record CaseState(boolean closed, boolean voided, boolean visited) {
    }

    /** The case of {@code ratingId} changed from {@code before} to {@code after} (null: no case yet). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void caseMoved(UUID ratingId, CaseState before, CaseState after) {
        CaseState was = before == null ? new CaseState(false, false, false) : before;
        CaseState is = after == null ? new CaseState(false, false, false) : after;
        if (was.equals(is)) {
            return;
        }
        RatingRow r = rating(ratingId);
        if (r.namedNegative()) {   // only named 差评 count their cases
            addRatings(r, 0, 0, 0, 0, bit(is.closed()) - bit(was.closed()), bit(is.voided()) - bit(was.voided()),
                    bit(is.visited()) - bit(was.visited()));
        }
    }

    private record RatingRow(String town, LocalDate ratedOn, int score, boolean negative, boolean namedNegative) {
    }

    /** The stored row, so the day is that of the instant as the database keeps it (whole seconds here). */
    private RatingRow rating(UUID id) {
        return jdbc.sql("SELECT town_code, rated_at, score, negative, negative AND named FROM rating WHERE id = :id")
                .param("id", id.toString())
                .query((rs, i) -> new RatingRow(rs.getString(1),
                        rs.getTimestamp(2).toInstant().atZone(WorkingDayCalendar.ZONE).toLocalDate(), rs.getInt(3),
                        rs.getBoolean(4), rs.getBoolean(5)))
                .single();
    }

    private void addRatings(RatingRow r, int total, int good, int negative, int namedNegative, int rectified,
                            int voided, int visited) {
        jdbc.sql("""
                        INSERT INTO figure_rating_day
                            (town_code, rated_on, total, good, negative, named_negative, rectified, voided, visited)
                        VALUES (:town, :day, :total, :good, :negative, :namedNegative, :rectified, :voided, :visited)
                        ON DUPLICATE KEY UPDATE total = total + VALUES(total), good = good + VALUES(good),
                            negative = negative + VALUES(negative), named_negative = named_negative + VALUES(named_negative),
                            rectified = rectified + VALUES(rectified), voided = voided + VALUES(voided),
                            visited = visited + VALUES(visited)""")
                .param("town", r.town()).param("day", r.ratedOn()).param("total", total).param("good", good)
                .param("negative", negative).param("namedNegative", namedNegative).param("rectified", rectified)
                .param("voided", voided).param("visited", visited)
                .update();
    }

    /**
     * Rebuilds every rollup from the live tables, as the migration filled them: for rows written behind the service's
     * back (a repair by hand, a benchmark's bulk load). Locks the rollups for the length of the transaction.
     */
    @Transactional
    public void rebuildAll() {
        jdbc.sql("DELETE FROM figure_application_day").update();
        jdbc.sql(REBUILD_APPLICATIONS + GROUP_APPLICATIONS).update();
        jdbc.sql("DELETE FROM figure_waiting_month").update();
        jdbc.sql("""
                INSERT INTO figure_waiting_month (town_code, month, waiting_seconds, tickets)
                SELECT town_code, service_day - INTERVAL (DAYOFMONTH(service_day) - 1) DAY, waiting_seconds, COUNT(*)
                FROM ticket WHERE waiting_seconds IS NOT NULL
                GROUP BY town_code, service_day - INTERVAL (DAYOFMONTH(service_day) - 1) DAY, waiting_seconds""").update();
        jdbc.sql("DELETE FROM figure_rating_day").update();
        jdbc.sql("""
                INSERT INTO figure_rating_day (town_code, rated_on, total, good, negative, named_negative, rectified, voided, visited)
                SELECT r.town_code, DATE(TIMESTAMP('1970-01-01') + INTERVAL (UNIX_TIMESTAMP(r.rated_at) + :offset) SECOND),
                       COUNT(*), COALESCE(SUM(r.score >= 3), 0), COALESCE(SUM(r.negative), 0),
                       COALESCE(SUM(r.negative AND r.named), 0),
                       COALESCE(SUM(r.negative AND r.named AND c.status = 'CLOSED'), 0),
                       COALESCE(SUM(r.negative AND r.named AND c.status = 'VOIDED'), 0),
                       COALESCE(SUM(r.negative AND r.named AND c.return_visit_at IS NOT NULL), 0)
                FROM rating r LEFT JOIN rectification c ON c.rating_id = r.id
                GROUP BY r.town_code, DATE(TIMESTAMP('1970-01-01') + INTERVAL (UNIX_TIMESTAMP(r.rated_at) + :offset) SECOND)""")
                .param("offset", SHANGHAI_OFFSET_SECONDS)
                .update();
    }

    /** Asia/Shanghai has kept UTC+8 without daylight saving since 1991. */
    private static final int SHANGHAI_OFFSET_SECONDS = 8 * 3600;

    private static int bit(boolean b) {
        return b ? 1 : 0;
    }
}
