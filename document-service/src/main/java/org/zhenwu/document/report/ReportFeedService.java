package org.zhenwu.document.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
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
import org.zhenwu.platform.inbox.Inbox;

/**
 * Feeds the annual summary's read model from the other services' events: each event is claimed once in the inbox
 * (consumer {@value #CONSUMER}) in the transaction that counts it, so a redelivery changes nothing and a failed count
 * is retried whole. Every fact is counted in the period the owning service's own figures count it in (see the
 * service README, "Annual summary": the definitions side by side).
 */
@Service
public class ReportFeedService {
    static final String CONSUMER = "document-service.report";

    private final JdbcClient jdbc;
    private final Inbox inbox;

    ReportFeedService(JdbcClient jdbc, Inbox inbox) {
        this.jdbc = jdbc;
        this.inbox = inbox;
    }

    /** A work order counts once, in the month it was accepted (offices' local time), under its type. */
    @Transactional
    public void onWorkOrderCreated(WorkOrderCreated event) {
        if (!inbox.firstDelivery(CONSUMER, event.eventId())) {
            return;
        }
        ZonedDateTime at = local(event.occurredAt());
        jdbc.sql("""
                INSERT INTO hotline_month (town_code, year, month, work_orders) VALUES (?, ?, ?, 1)
                ON DUPLICATE KEY UPDATE work_orders = work_orders + 1""")
                .params(event.jurisdiction(), at.getYear(), at.getMonthValue()).update();
        jdbc.sql("""
                INSERT INTO hotline_month_type (town_code, year, month, order_type, work_orders) VALUES (?, ?, ?, ?, 1)
                ON DUPLICATE KEY UPDATE work_orders = work_orders + 1""")
                .params(event.jurisdiction(), at.getYear(), at.getMonthValue(), orUnknown(event.orderType())).update();
    }

    /**
     * 并单: the merged order leaves the counts of the month (and type) it was counted in, as it leaves the hotline's own
     * figures. Its {@link WorkOrderCreated} came first: same key, same partition.
     */
    @Transactional
    public void onWorkOrderMerged(WorkOrderMerged event) {
        if (!inbox.firstDelivery(CONSUMER, event.eventId())) {
            return;
        }
        ZonedDateTime at = local(event.acceptedAt());
        jdbc.sql("""
                UPDATE hotline_month SET work_orders = work_orders - 1
                WHERE town_code = ? AND year = ? AND month = ? AND work_orders > 0""")
                .params(event.jurisdiction(), at.getYear(), at.getMonthValue()).update();
        jdbc.sql("""
                UPDATE hotline_month_type SET work_orders = work_orders - 1
                WHERE town_code = ? AND year = ? AND month = ? AND order_type = ? AND work_orders > 0""")
                .params(event.jurisdiction(), at.getYear(), at.getMonthValue(), orUnknown(event.orderType())).update();
    }

    /** 受理: +1 accepted in the month of {@code acceptedOn}, under the deciding department. */
    @Transactional
    public void onApplicationAccepted(ApplicationAccepted event) {
        if (!inbox.firstDelivery(CONSUMER, event.eventId())) {
            return;
        }
        LocalDate on = event.acceptedOn() != null ? event.acceptedOn() : local(event.occurredAt()).toLocalDate();
        jdbc.sql("""
                INSERT INTO hall_month (town_code, year, month, department, accepted) VALUES (?, ?, ?, ?, 1)
                ON DUPLICATE KEY UPDATE accepted = accepted + 1""")
                .params(event.jurisdiction(), on.getYear(), on.getMonthValue(), orEmpty(event.department())).update();
    }

    /** 办结: counted against the month the application was accepted, as the hall's 办结量 is. */
    @Transactional
    public void onApplicationCompleted(ApplicationCompleted event) {
        if (!inbox.firstDelivery(CONSUMER, event.eventId())) {
            return;
        }
        LocalDate on = event.acceptedOn() != null ? event.acceptedOn() : local(event.occurredAt()).toLocalDate();
        int onTime = event.onTime() ? 1 : 0;
        jdbc.sql("""
                INSERT INTO hall_month (town_code, year, month, department, completed, on_time, working_days)
                VALUES (?, ?, ?, ?, 1, ?, ?)
                ON DUPLICATE KEY UPDATE completed = completed + 1, on_time = on_time + VALUES(on_time),
                                        working_days = working_days + VALUES(working_days)""")
                .params(event.jurisdiction(), on.getYear(), on.getMonthValue(), orEmpty(event.department()), onTime,
                        event.workingDays()).update();
    }

    /**
     * 撤回 after acceptance takes the application out of the month and department it was accepted in, as the hall's
     * 受理量 leaves withdrawn applications out; one withdrawn before acceptance was never counted.
     */
    @Transactional
    public void onApplicationWithdrawn(ApplicationWithdrawn event) {
        if (!inbox.firstDelivery(CONSUMER, event.eventId()) || event.acceptedOn() == null) {
            return;
        }
        LocalDate on = event.acceptedOn();
        jdbc.sql("""
                UPDATE hall_month SET accepted = accepted - 1
                WHERE town_code = ? AND year = ? AND month = ? AND department = ? AND accepted > 0""")
                .params(event.jurisdiction(), on.getYear(), on.getMonthValue(), orEmpty(event.department())).update();
    }

    /** A settled trip counts in the month it departed: one trip, its kilometres and its cost. */
    @Transactional
    public void onTripCompleted(TripCompleted event) {
        if (!inbox.firstDelivery(CONSUMER, event.eventId())) {
            return;
        }
        ZonedDateTime at = local(event.departedAt() != null ? event.departedAt() : event.occurredAt());
        BigDecimal cost = event.costYuan() == null ? BigDecimal.ZERO : event.costYuan();
        jdbc.sql("""
                INSERT INTO fleet_month (town_code, year, month, vehicle_class, trips, km, cost_yuan) VALUES (?, ?, ?, ?, 1, ?, ?)
                ON DUPLICATE KEY UPDATE trips = trips + 1, km = km + VALUES(km), cost_yuan = cost_yuan + VALUES(cost_yuan)""")
                .params(event.jurisdiction(), at.getYear(), at.getMonthValue(), orUnknown(event.vehicleClass()),
                        event.distanceKm(), cost).update();
    }

    /**
     * Submission dates a suggestion or motion (代表建议/议案) and names its kind, as congress-service's own figures do;
     * it comes first on the suggestion's partition, so the assignment and reply below find the row.
     */
    @Transactional
    public void onSuggestionSubmitted(SuggestionSubmitted event) {
        if (!inbox.firstDelivery(CONSUMER, event.eventId())) {
            return;
        }
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
    @Transactional
    public void onSuggestionAssigned(SuggestionAssigned event) {
        if (!inbox.firstDelivery(CONSUMER, event.eventId())) {
            return;
        }
        jdbc.sql("""
                INSERT INTO congress_suggestion (suggestion_id, town_code, first_seen_on) VALUES (?, ?, ?)
                ON DUPLICATE KEY UPDATE first_seen_on = LEAST(first_seen_on, VALUES(first_seen_on))""")
                .params(event.suggestionId().toString(), event.jurisdiction(), local(event.occurredAt()).toLocalDate())
                .update();
    }

    /** Names the kind; the first reply (stage FIRST, round 1) says whether it came on time. */
    @Transactional
    public void onSuggestionReplied(SuggestionReplied event) {
        if (!inbox.firstDelivery(CONSUMER, event.eventId())) {
            return;
        }
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

    @Transactional
    public void onSuggestionClosed(SuggestionClosed event) {
        if (!inbox.firstDelivery(CONSUMER, event.eventId())) {
            return;
        }
        LocalDate on = local(event.occurredAt()).toLocalDate();
        jdbc.sql("""
                INSERT INTO congress_suggestion (suggestion_id, town_code, kind, first_seen_on, closed_on)
                VALUES (:id, :town, :kind, :on, :on)
                ON DUPLICATE KEY UPDATE kind = COALESCE(VALUES(kind), kind), closed_on = VALUES(closed_on)""")
                .param("id", event.suggestionId().toString()).param("town", event.jurisdiction())
                .param("kind", event.kind()).param("on", on).update();
    }

    private static ZonedDateTime local(Instant at) {
        return at.atZone(WorkingDayCalendar.ZONE);
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? "UNKNOWN" : value;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
