package org.zhenwu.document.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.contracts.IntegrationEvent;
import org.zhenwu.contracts.congress.v1.SuggestionAssigned;
import org.zhenwu.contracts.congress.v1.SuggestionClosed;
import org.zhenwu.contracts.congress.v1.SuggestionReplied;
import org.zhenwu.contracts.congress.v1.SuggestionSubmitted;
import org.zhenwu.contracts.fleet.v1.TripCompleted;
import org.zhenwu.contracts.hotline.v1.WorkOrderCreated;
import org.zhenwu.contracts.hotline.v1.WorkOrderMerged;
import org.zhenwu.contracts.servicehall.v1.ApplicationAccepted;
import org.zhenwu.contracts.servicehall.v1.ApplicationCompleted;
import org.zhenwu.contracts.servicehall.v1.ApplicationWithdrawn;
import org.zhenwu.platform.calendar.WorkingDayCalendar;

/**
 * Feeds the annual summary's read model from the other services' events, a batch of a topic's records at a time
 * ({@link #count}): the batch's event ids are claimed in the inbox (consumer {@value #CONSUMER}) in the transaction
 * that counts them, the increments are summed per read-model row and each row is written once, so a redelivered
 * event (or batch) changes nothing and a failed batch is retried whole. Every fact is counted in the period the owning
 * service's own figures count it in (see the service README, "Annual summary": the definitions side by side).
 */
@Service
public class ReportFeedService {
    static final String CONSUMER = "document-service.report";
    /** The events the read model counts; the inbox claims only these. */
    private static final Set<Class<?>> COUNTED = Set.of(WorkOrderCreated.class, WorkOrderMerged.class,
            ApplicationAccepted.class, ApplicationCompleted.class, ApplicationWithdrawn.class, TripCompleted.class,
            SuggestionSubmitted.class, SuggestionAssigned.class, SuggestionReplied.class, SuggestionClosed.class);

    private final JdbcClient jdbc;

    ReportFeedService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Counts the events of one batch (other types are ignored) in one transaction. The events of one topic partition
     * come in their order; within the batch, additions are written before removals (a merge or withdrawal follows the
     * creation or acceptance it undoes, so this gives what one event at a time gives), congress events one by one in
     * order (their rows are per suggestion and keep first/last dates).
     */
    @Transactional
    public void count(List<? extends IntegrationEvent> events) {
        List<IntegrationEvent> fresh = ReportInbox.claim(jdbc, CONSUMER,
                events.stream().filter(e -> COUNTED.contains(e.getClass())).toList());
        if (fresh.isEmpty()) {
            return;
        }
        ReportIncrements sums = new ReportIncrements();
        for (IntegrationEvent event : fresh) {
            if (event instanceof WorkOrderCreated e) {
                sums.workOrderCreated(e);
            } else if (event instanceof WorkOrderMerged e) {
                sums.workOrderMerged(e);
            } else if (event instanceof ApplicationAccepted e) {
                sums.applicationAccepted(e);
            } else if (event instanceof ApplicationCompleted e) {
                sums.applicationCompleted(e);
            } else if (event instanceof ApplicationWithdrawn e) {
                sums.applicationWithdrawn(e);
            } else if (event instanceof TripCompleted e) {
                sums.tripCompleted(e);
            } else if (event instanceof SuggestionSubmitted e) {
                onSuggestionSubmitted(e);
            } else if (event instanceof SuggestionAssigned e) {
                onSuggestionAssigned(e);
            } else if (event instanceof SuggestionReplied e) {
                onSuggestionReplied(e);
            } else if (event instanceof SuggestionClosed e) {
                onSuggestionClosed(e);
            }
        }
        sums.write(jdbc);
    }

    /**
     * Submission dates a suggestion or motion (代表建议/议案) and names its kind, as congress-service's own figures do;
     * it comes first on the suggestion's partition, so the assignment and reply below find the row.
     */
    private void onSuggestionSubmitted(SuggestionSubmitted event) {
        jdbc.sql("""
                INSERT INTO congress_suggestion (suggestion_id, town_code, kind, first_seen_on) VALUES (?, ?, ?, ?)
                ON DUPLICATE KEY UPDATE kind = VALUES(kind), first_seen_on = VALUES(first_seen_on)""")
                .params(event.suggestionId().toString(), event.jurisdiction(), event.kind(),
                        local(event.submittedAt()).toLocalDate())
                .update();
    }

    /**
     * Before suggestions announced their submission, the first assignment (交办) dated them; a later one (改交), or any
     * assignment after the submission, changes nothing here.
     */
    private void onSuggestionAssigned(SuggestionAssigned event) {
        jdbc.sql("""
                INSERT INTO congress_suggestion (suggestion_id, town_code, first_seen_on) VALUES (?, ?, ?)
                ON DUPLICATE KEY UPDATE first_seen_on = LEAST(first_seen_on, VALUES(first_seen_on))""")
                .params(event.suggestionId().toString(), event.jurisdiction(), local(event.occurredAt()).toLocalDate())
                .update();
    }

    /** Names the kind; the first reply (stage FIRST, round 1) says whether it came on time. */
    private void onSuggestionReplied(SuggestionReplied event) {
        LocalDate on = event.repliedOn() != null ? event.repliedOn() : local(event.occurredAt()).toLocalDate();
        boolean first = "FIRST".equals(event.stage()) && event.round() == 1;
        jdbc.sql("""
                INSERT INTO congress_suggestion (suggestion_id, town_code, kind, first_seen_on, first_replied_on, first_reply_on_time)
                VALUES (:id, :town, :kind, :on, :repliedOn, :onTime)
                ON DUPLICATE KEY UPDATE kind = COALESCE(VALUES(kind), kind),
                    first_replied_on = COALESCE(first_replied_on, VALUES(first_replied_on)),
                    first_reply_on_time = COALESCE(first_reply_on_time, VALUES(first_reply_on_time))""")
                .param("id", event.suggestionId().toString()).param("town", event.jurisdiction())
                .param("kind", event.kind()).param("on", on)
                .param("repliedOn", first ? on : null).param("onTime", first ? event.onTime() : null)
                .update();
    }

    private void onSuggestionClosed(SuggestionClosed event) {
        LocalDate on = local(event.occurredAt()).toLocalDate();
        jdbc.sql("""
                INSERT INTO congress_suggestion (suggestion_id, town_code, kind, first_seen_on, closed_on)
                VALUES (:id, :town, :kind, :on, :on)
                ON DUPLICATE KEY UPDATE kind = COALESCE(VALUES(kind), kind), closed_on = VALUES(closed_on)""")
                .param("id", event.suggestionId().toString()).param("town", event.jurisdiction())
                .param("kind", event.kind()).param("on", on).update();
    }

    static ZonedDateTime local(Instant at) {
        return at.atZone(WorkingDayCalendar.ZONE);
    }

    static String orUnknown(String value) {
        return value == null || value.isBlank() ? "UNKNOWN" : value;
    }

    static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
