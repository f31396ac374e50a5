package org.zhenwu.document.emergency;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;

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
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/**
 * An emergency information report (应急信息报送): what happened, where and when, as the town's office received it (接报),
 * and how the office reported it upward — a phone report (口头/电话报告) and a written report (书面报告), each due a set
 * time after receipt, then follow-ups (续报) and the final report (终报). The clerk enters each report's time (it is
 * often made by phone before anyone types); one made after its deadline is late, by whole minutes rounded up. One still
 * not made when its deadline passes is flagged overdue, once.
 */
@Entity
@Table(name = "emergency_report")
class EmergencyReport {
    /** A clerk's clock may run a little ahead of the server's; more than this is "in the future". */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    @Id
    private UUID id;
    private String townCode;
    private String sourceId;
    @Enumerated(EnumType.STRING)
    private EmergencyCategory category;
    private boolean realEstateProject;
    @Enumerated(EnumType.STRING)
    private EmergencyLevel level;
    private String title;
    private String place;
    private String description;
    private Instant occurredAt;
    private Instant receivedAt;
    private int deaths;
    private int injuries;
    private int missing;
    private BigDecimal economicLossYuan;
    @Enumerated(EnumType.STRING)
    private EmergencyStatus status;
    private Instant phoneDueAt;
    private Instant writtenDueAt;
    private Instant phoneReportedAt;
    private String phoneReportedTo;
    private boolean phoneLate;
    private long phoneDelayMinutes;
    private boolean phoneOverdue;
    private Instant writtenReportedAt;
    private String writtenReportedTo;
    private boolean writtenLate;
    private long writtenDelayMinutes;
    private boolean writtenOverdue;
    private int followUpCount;
    private Instant closedAt;
    private String closingSummary;
    private String createdBy;
    private Instant createdAt;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "report_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<EmergencyTransition> transitions = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "report_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<EmergencyFollowUp> followUps = new ArrayList<>();

    @Transient
    private final List<EmergencyEvent> pendingEvents = new ArrayList<>();

    protected EmergencyReport() {
        // for JPA
    }

    /** What happened. {@code realEstateProject} (涉房地产项目) only for a wage dispute. */
    record Incident(EmergencyCategory category, boolean realEstateProject, EmergencyLevel level, String title,
                    String place, String description, Instant occurredAt) {
    }

    /** 伤亡: deaths, injuries, missing people; never negative. */
    record Casualties(int deaths, int injuries, int missing) {
        static final Casualties NONE = new Casualties(0, 0, 0);

        Casualties {
            notNegative("deaths", deaths);
            notNegative("injuries", injuries);
            notNegative("missing", missing);
        }

        private static void notNegative(String field, int n) {
            if (n < 0) {
                throw new InvalidFieldException(field, "must not be negative");
            }
        }
    }

    /** The casualties and loss as now known (续报, 终报); absent parts stay as they were. */
    record Update(Integer deaths, Integer injuries, Integer missing, BigDecimal economicLossYuan) {
        static final Update NONE = new Update(null, null, null, null);
    }

    /** How long after receipt each upward report is due, for this report's level. */
    record Limits(Duration phoneWithin, Duration writtenWithin) {
    }

    static EmergencyReport receive(UUID id, String townCode, Incident incident, Casualties casualties, BigDecimal loss,
                                   Instant receivedAt, Limits limits, String by, Instant now) {
        if (incident.realEstateProject() && incident.category() != EmergencyCategory.WAGE_DISPUTE) {
            throw new InvalidFieldException("realEstateProject",
                    "only a wage dispute (WAGE_DISPUTE) is marked as on a real-estate project");
        }
        notInFuture("occurredAt", incident.occurredAt(), now);
        notInFuture("receivedAt", receivedAt, now);
        if (receivedAt.isBefore(incident.occurredAt())) {
            throw new InvalidFieldException("receivedAt", "is before the time of occurrence");
        }
        EmergencyReport r = new EmergencyReport();
        r.id = id;
        r.townCode = townCode;
        r.category = incident.category();
        r.realEstateProject = incident.realEstateProject();
        r.level = incident.level();
        r.title = incident.title();
        r.place = incident.place();
        r.description = incident.description();
        r.occurredAt = incident.occurredAt();
        r.receivedAt = receivedAt;
        r.setCasualties(casualties == null ? Casualties.NONE : casualties);
        r.setLoss(loss);
        r.phoneDueAt = receivedAt.plus(limits.phoneWithin());
        r.writtenDueAt = receivedAt.plus(limits.writtenWithin());
        r.createdBy = by;
        r.createdAt = now;
        r.status = EmergencyStatus.RECEIVED;
        r.transitions.add(new EmergencyTransition(null, EmergencyStatus.RECEIVED, "接报", by,
                incident.category() + " " + incident.level(), now));
        r.pendingEvents.add(new EmergencyEvent.Received(now));
        return r;
    }

    /** 口头/电话报告 at {@code at} (now when absent) to {@code to} (e.g. 区应急管理局值班室). */
    void reportByPhone(Instant at, String to, String by, Instant now) {
        requireMove(EmergencyStatus.PHONE_REPORTED);
        Instant when = reportTime(at, receivedAt, "the time received", now);
        phoneReportedAt = when;
        phoneReportedTo = to;
        phoneDelayMinutes = delayMinutes(phoneDueAt, when);
        phoneLate = phoneDelayMinutes > 0;
        moveTo(EmergencyStatus.PHONE_REPORTED, "电话报告", by, lateNote(to, phoneDelayMinutes), now);
    }

    /** 书面报告, not before the phone report. */
    void reportInWriting(Instant at, String to, String by, Instant now) {
        requireMove(EmergencyStatus.WRITTEN_REPORTED);
        Instant when = reportTime(at, phoneReportedAt, "the phone report", now);
        writtenReportedAt = when;
        writtenReportedTo = to;
        writtenDelayMinutes = delayMinutes(writtenDueAt, when);
        writtenLate = writtenDelayMinutes > 0;
        moveTo(EmergencyStatus.WRITTEN_REPORTED, "书面报告", by, lateNote(to, writtenDelayMinutes), now);
    }

    /** 续报, with the casualties and loss as now known (unchanged when absent). */
    void followUp(Instant at, String content, Update update, String by, Instant now) {
        requireMove(EmergencyStatus.FOLLOWING_UP);
        Instant when = reportTime(at, lastReportAt(), "the previous report", now);
        apply(update);
        followUpCount++;
        followUps.add(new EmergencyFollowUp(when, content, casualties(), by));
        moveTo(EmergencyStatus.FOLLOWING_UP, "续报", by, content, now);
    }

    /** 终报: the final casualties and loss, and a summary. */
    void close(Instant at, String summary, Update update, String by, Instant now) {
        requireMove(EmergencyStatus.CLOSED);
        Instant when = reportTime(at, lastReportAt(), "the previous report", now);
        apply(update);
        closedAt = when;
        closingSummary = summary;
        moveTo(EmergencyStatus.CLOSED, "终报", by, summary, now);
        pendingEvents.add(new EmergencyEvent.Closed(now));
    }

    /**
     * Flags each upward report still not made after its deadline as overdue, once (the job may see a report twice).
     * Returns whether anything was flagged.
     */
    boolean flagOverdue(Instant now) {
        boolean flagged = false;
        if (!phoneOverdue && phoneReportedAt == null && now.isAfter(phoneDueAt)) {
            phoneOverdue = true;
            audit("电话报告超时", "system", "应于 " + phoneDueAt + " 前报告", now);
            pendingEvents.add(new EmergencyEvent.Overdue(true, phoneDueAt, now));
            flagged = true;
        }
        if (!writtenOverdue && writtenReportedAt == null && now.isAfter(writtenDueAt)) {
            writtenOverdue = true;
            audit("书面报告超时", "system", "应于 " + writtenDueAt + " 前报告", now);
            pendingEvents.add(new EmergencyEvent.Overdue(false, writtenDueAt, now));
            flagged = true;
        }
        return flagged;
    }

    /** Brought in by a historical import under the register's own id. */
    void imported(String source) {
        sourceId = source;
    }

    List<EmergencyEvent> pullEvents() {
        List<EmergencyEvent> events = List.copyOf(pendingEvents);
        pendingEvents.clear();
        return events;
    }

    Casualties casualties() {
        return new Casualties(deaths, injuries, missing);
    }

    /** A report made after its deadline, or overdue while not made. */
    boolean lateOrOverdue() {
        return phoneLate || writtenLate || phoneOverdue || writtenOverdue;
    }

    private Instant lastReportAt() {
        Instant last = writtenReportedAt;
        for (EmergencyFollowUp f : followUps) {
            if (last == null || f.reportedAt().isAfter(last)) {
                last = f.reportedAt();
            }
        }
        return last;
    }

    private void apply(Update u) {
        Casualties c = new Casualties(u.deaths() != null ? u.deaths() : deaths,
                u.injuries() != null ? u.injuries() : injuries, u.missing() != null ? u.missing() : missing);
        setLoss(u.economicLossYuan());
        setCasualties(c);
    }

    private void setCasualties(Casualties c) {
        deaths = c.deaths();
        injuries = c.injuries();
        missing = c.missing();
    }

    private void setLoss(BigDecimal loss) {
        if (loss == null) {
            return;
        }
        if (loss.signum() < 0) {
            throw new InvalidFieldException("economicLossYuan", "must not be negative");
        }
        economicLossYuan = loss;
    }

    private static Instant reportTime(Instant at, Instant notBefore, String what, Instant now) {
        Instant when = at == null ? now : at;
        notInFuture("reportedAt", when, now);
        if (notBefore != null && when.isBefore(notBefore)) {
            throw new InvalidFieldException("reportedAt", "is before " + what + " (" + notBefore + ")");
        }
        return when;
    }

    private static void notInFuture(String field, Instant at, Instant now) {
        if (at == null) {
            throw new InvalidFieldException(field, "is required");
        }
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidFieldException(field, "is in the future");
        }
    }

    /** Whole minutes after the deadline, rounded up: a report 20 seconds late is one minute late. */
    static long delayMinutes(Instant due, Instant at) {
        if (!at.isAfter(due)) {
            return 0;
        }
        long seconds = Duration.between(due, at).toSeconds();
        return Math.max(1, (seconds + 59) / 60);
    }

    private static String lateNote(String to, long delay) {
        String base = to == null ? "" : to;
        return delay > 0 ? (base + " 迟报 " + delay + " 分钟").strip() : (base.isEmpty() ? null : base);
    }

    private void requireMove(EmergencyStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("Emergency report", id, status, next);
        }
    }

    private void moveTo(EmergencyStatus next, String action, String actor, String note, Instant now) {
        requireMove(next);
        transitions.add(new EmergencyTransition(status, next, action, actor, note, now));
        status = next;
    }

    private void audit(String action, String actor, String note, Instant now) {
        transitions.add(new EmergencyTransition(status, status, action, actor, note, now));
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    String sourceId() { return sourceId; }
    EmergencyCategory category() { return category; }
    boolean realEstateProject() { return realEstateProject; }
    EmergencyLevel level() { return level; }
    String title() { return title; }
    String place() { return place; }
    String description() { return description; }
    Instant occurredAt() { return occurredAt; }
    Instant receivedAt() { return receivedAt; }
    BigDecimal economicLossYuan() { return economicLossYuan; }
    EmergencyStatus status() { return status; }
    Instant phoneDueAt() { return phoneDueAt; }
    Instant writtenDueAt() { return writtenDueAt; }
    Instant phoneReportedAt() { return phoneReportedAt; }
    String phoneReportedTo() { return phoneReportedTo; }
    boolean phoneLate() { return phoneLate; }
    long phoneDelayMinutes() { return phoneDelayMinutes; }
    boolean phoneOverdue() { return phoneOverdue; }
    Instant writtenReportedAt() { return writtenReportedAt; }
    String writtenReportedTo() { return writtenReportedTo; }
    boolean writtenLate() { return writtenLate; }
    long writtenDelayMinutes() { return writtenDelayMinutes; }
    boolean writtenOverdue() { return writtenOverdue; }
    int followUpCount() { return followUpCount; }
    Instant closedAt() { return closedAt; }
    String closingSummary() { return closingSummary; }
    String createdBy() { return createdBy; }
    Instant createdAt() { return createdAt; }
    List<EmergencyTransition> transitions() { return transitions; }
    List<EmergencyFollowUp> followUps() { return followUps; }
}
