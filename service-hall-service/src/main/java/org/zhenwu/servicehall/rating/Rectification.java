package org.zhenwu.servicehall.rating;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.web.IllegalTransitionException;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A 差评's rectification case (差评整改): the aggregate root. The department rectifies or appeals within the limit;
 * the hall reviews; a named 差评 is never finished without its return visit (回访). Status changes only through
 * {@link #moveTo}.
 */
@Entity
@Table(name = "rectification")
class Rectification {
    @Id
    private UUID id;
    private String townCode;
    private UUID ratingId;
    private UUID applicationId;
    private String applicationNumber;
    private String department;
    private boolean named;
    @Enumerated(EnumType.STRING)
    private RectificationStatus status;
    private Instant openedAt;
    private LocalDate dueDate;
    private String measures;
    private Instant rectifiedAt;
    private Boolean rectifiedOnTime;
    private String appealReason;
    private Instant returnVisitAt;
    private String returnVisitBy;
    private Boolean returnVisitSatisfied;
    private String returnVisitNote;
    private Instant finishedAt;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "rectification_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<RectificationTransition> transitions = new ArrayList<>();

    protected Rectification() {
        // for JPA
    }

    /** Opened by a 差评; due {@code limitDays} working days after it. */
    static Rectification open(UUID id, Rating rating, int limitDays, WorkingDayCalendar calendar, Instant now) {
        Rectification r = new Rectification();
        r.id = id;
        r.townCode = rating.townCode();
        r.ratingId = rating.id();
        r.applicationId = rating.applicationId();
        r.applicationNumber = rating.applicationNumber();
        r.department = rating.department();
        r.named = rating.named();
        r.status = RectificationStatus.OPEN;
        r.openedAt = now;
        r.dueDate = calendar.addWorkingDays(localDate(now), limitDays);
        r.transitions.add(new RectificationTransition(null, RectificationStatus.OPEN, "system",
                "差评 " + rating.level() + (rating.comment() == null ? "" : ": " + rating.comment()), now));
        return r;
    }

    /** 整改: the department reports what it did. On time when by the due date. */
    void rectify(String handler, String what, Instant now) {
        moveTo(RectificationStatus.RECTIFIED, handler, what, now);
        measures = what;
        rectifiedAt = now;
        if (rectifiedOnTime == null) {
            rectifiedOnTime = !localDate(now).isAfter(dueDate);
        }
    }

    /** 申诉: the department disputes the 差评. */
    void appeal(String handler, String reason, Instant now) {
        moveTo(RectificationStatus.APPEALED, handler, reason, now);
        appealReason = reason;
    }

    /**
     * 复核 by the hall: accepting a rectification closes the case, accepting an appeal voids the 差评; refusing either sends
     * the case back to the department.
     */
    void review(String reviewer, boolean accept, String note, Instant now) {
        if (status != RectificationStatus.RECTIFIED && status != RectificationStatus.APPEALED) {
            throw new IllegalTransitionException("Rectification", id, status.name(), null,
                    "Only a rectified or appealed case can be reviewed; case " + id + " is " + status);
        }
        if (!accept) {
            moveTo(RectificationStatus.OPEN, reviewer, "复核不通过" + (note == null ? "" : ": " + note), now);
            return;
        }
        RectificationStatus next = status == RectificationStatus.RECTIFIED ? RectificationStatus.CLOSED : RectificationStatus.VOIDED;
        if (named && returnVisitAt == null) {
            throw new RatingRuleViolation("return-visit-owed",
                    "A named 差评 gets a return visit before its case is finished; case " + id + " has none yet");
        }
        moveTo(next, reviewer, note, now);
        finishedAt = now;
    }

    /** 回访 of a named rater; a later visit replaces an earlier one. */
    void returnVisit(String visitor, boolean satisfied, String note, Instant now) {
        if (!named) {
            throw new RatingRuleViolation("anonymous-rating", "The 差评 of case " + id + " was anonymous: there is nobody to visit");
        }
        if (status.isFinished()) {
            throw new IllegalTransitionException("Rectification", id, status.name(), null,
                    "Case " + id + " is finished (" + status + ")");
        }
        returnVisitAt = now;
        returnVisitBy = visitor;
        returnVisitSatisfied = satisfied;
        returnVisitNote = note;
        transitions.add(new RectificationTransition(status, status, visitor,
                "回访: " + (satisfied ? "满意" : "不满意") + (note == null ? "" : ", " + note), now));
    }

    /** Past its due date and still with the department. */
    boolean overdue(LocalDate today) {
        return status == RectificationStatus.OPEN && today.isAfter(dueDate);
    }

    private void moveTo(RectificationStatus next, String actor, String note, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("Rectification", id, status, next);
        }
        transitions.add(new RectificationTransition(status, next, actor, note, now));
        status = next;
    }

    private static LocalDate localDate(Instant at) {
        return at.atZone(WorkingDayCalendar.ZONE).toLocalDate();
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    UUID ratingId() { return ratingId; }
    UUID applicationId() { return applicationId; }
    String applicationNumber() { return applicationNumber; }
    String department() { return department; }
    boolean named() { return named; }
    RectificationStatus status() { return status; }
    Instant openedAt() { return openedAt; }
    LocalDate dueDate() { return dueDate; }
    String measures() { return measures; }
    Instant rectifiedAt() { return rectifiedAt; }
    Boolean rectifiedOnTime() { return rectifiedOnTime; }
    String appealReason() { return appealReason; }
    Instant returnVisitAt() { return returnVisitAt; }
    Boolean returnVisitSatisfied() { return returnVisitSatisfied; }
    String returnVisitNote() { return returnVisitNote; }
    Instant finishedAt() { return finishedAt; }
    List<RectificationTransition> transitions() { return List.copyOf(transitions); }
}
