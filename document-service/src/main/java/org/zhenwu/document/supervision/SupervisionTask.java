package org.zhenwu.document.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.zhenwu.platform.calendar.WorkingDayCalendar;
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
 * A supervision task (督办): an owner department answers for a matter by a deadline (a working-day count turned into a
 * date), is reminded before it expires, escalated once when it is overdue, and completes it with evidence the office
 * accepts. Whether it was on time is decided on the day it is accepted.
 */
@Entity
@Table(name = "supervision_task")
class SupervisionTask {
    @Id
    private UUID id;
    private String townCode;
    @Enumerated(EnumType.STRING)
    private Origin origin;
    private String originId;
    private String title;
    private String requirement;
    private String ownerDepartment;
    private String coDepartments;
    private LocalDate deadline;
    @Enumerated(EnumType.STRING)
    private SupervisionStatus status;
    private String createdBy;
    private Instant createdAt;
    private String acceptedBy;
    private Instant acceptedAt;
    private String evidence;
    private String evidenceBy;
    private Instant submittedAt;
    private String completedBy;
    private Instant completedAt;
    private LocalDate completedOn;
    private Boolean onTime;
    private int reminderCount;
    private boolean remindedBeforeExpiry;
    private boolean escalated;
    private Instant escalatedAt;
    private String cancelReason;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "task_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<SupervisionTransition> transitions = new ArrayList<>();

    @Transient
    private final List<SupervisionEvent> pendingEvents = new ArrayList<>();

    protected SupervisionTask() {
        // for JPA
    }

    /** What a task is about and who answers for it. */
    record Assignment(String title, String requirement, String ownerDepartment, List<String> coDepartments,
                      LocalDate deadline) {
    }

    static SupervisionTask open(UUID id, String townCode, Origin origin, String originId, Assignment a, String by,
                                Instant now) {
        if (a.ownerDepartment() == null || a.ownerDepartment().isBlank()) {
            throw new InvalidFieldException("ownerDepartment", "a supervision task has an owner department");
        }
        if (a.deadline() == null) {
            throw new InvalidFieldException("deadline", "a supervision task has a deadline");
        }
        SupervisionTask t = new SupervisionTask();
        t.id = id;
        t.townCode = townCode;
        t.origin = origin;
        t.originId = originId;
        t.title = a.title();
        t.requirement = a.requirement();
        t.ownerDepartment = a.ownerDepartment();
        t.coDepartments = join(a.coDepartments());
        t.deadline = a.deadline();
        t.createdBy = by;
        t.createdAt = now;
        t.status = SupervisionStatus.ASSIGNED;
        t.transitions.add(new SupervisionTransition(null, SupervisionStatus.ASSIGNED, "立项", by,
                a.ownerDepartment() + ", 期限 " + a.deadline(), now));
        return t;
    }

    /** The origin assigned the matter again (another lead unit, another deadline); reminders start over. */
    void reassign(String owner, List<String> co, LocalDate newDeadline, String by, Instant now) {
        if (!status.open()) {
            throw new IllegalTransitionException("Supervision task", id, status.name(), null,
                    "A " + status + " task is not reassigned");
        }
        ownerDepartment = owner;
        coDepartments = join(co);
        deadline = newDeadline;
        remindedBeforeExpiry = false;
        escalated = false;
        if (status != SupervisionStatus.ASSIGNED) {
            moveTo(SupervisionStatus.ASSIGNED, "改派", by, owner + ", 期限 " + newDeadline, now);
        } else {
            audit("改派", by, owner + ", 期限 " + newDeadline, now);
        }
    }

    void accept(String by, Instant now) {
        moveTo(SupervisionStatus.IN_PROGRESS, "签收", by, ownerDepartment, now);
        acceptedBy = by;
        acceptedAt = now;
    }

    /** The department reports it done with its evidence (办理情况). */
    void submitEvidence(String text, String by, Instant now) {
        moveTo(SupervisionStatus.SUBMITTED, "报送办结材料", by, text, now);
        evidence = text;
        evidenceBy = by;
        submittedAt = now;
    }

    /** The office sends the evidence back: not done yet. */
    void rejectEvidence(String reason, String by, Instant now) {
        moveTo(SupervisionStatus.IN_PROGRESS, "退回补充", by, reason, now);
    }

    /** The office accepts the evidence; on time when accepted by the deadline. */
    void complete(String by, Instant now) {
        moveTo(SupervisionStatus.COMPLETED, "办结", by, null, now);
        completedBy = by;
        completedAt = now;
        completedOn = localDate(now);
        onTime = !completedOn.isAfter(deadline);
        pendingEvents.add(new SupervisionEvent.Completed(id, completedOn, onTime, now));
    }

    void cancel(String reason, String by, Instant now) {
        moveTo(SupervisionStatus.CANCELLED, "撤销", by, reason, now);
        cancelReason = reason;
    }

    /** 催办 by the office. */
    void urge(String note, String by, Instant now) {
        requireOpen("催办");
        reminderCount++;
        audit("催办", by, note, now);
    }

    /**
     * Reminder before expiry, from {@code remindFrom} on; false when already reminded or no longer open (the job may
     * see a task twice).
     */
    boolean remindBeforeExpiry(LocalDate today, LocalDate remindFrom, Instant now) {
        if (remindedBeforeExpiry || !status.open() || status == SupervisionStatus.SUBMITTED || today.isBefore(remindFrom)
                || today.isAfter(deadline)) {
            return false;
        }
        remindedBeforeExpiry = true;
        reminderCount++;
        audit("到期提醒", "system", "期限 " + deadline, now);
        return true;
    }

    /** Overdue escalation (超期升级督办), once; false when already escalated, not yet overdue or no longer open. */
    boolean escalateIfOverdue(LocalDate today, Instant now) {
        if (escalated || !status.open() || status == SupervisionStatus.SUBMITTED || !today.isAfter(deadline)) {
            return false;
        }
        escalated = true;
        escalatedAt = now;
        audit("超期升级", "system", "期限 " + deadline + " 已过", now);
        pendingEvents.add(new SupervisionEvent.Escalated(id, deadline, now));
        return true;
    }

    List<SupervisionEvent> pullEvents() {
        List<SupervisionEvent> events = List.copyOf(pendingEvents);
        pendingEvents.clear();
        return events;
    }

    boolean involves(String department) {
        return department != null && (department.equals(ownerDepartment) || coDepartmentList().contains(department));
    }

    List<String> coDepartmentList() {
        return coDepartments == null || coDepartments.isEmpty() ? List.of() : List.of(coDepartments.split("、"));
    }

    private void requireOpen(String action) {
        if (!status.open()) {
            throw new IllegalTransitionException("Supervision task", id, status.name(), null,
                    action + " needs an open task; supervision task " + id + " is " + status);
        }
    }

    private void moveTo(SupervisionStatus next, String action, String actor, String note, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("Supervision task", id, status, next);
        }
        transitions.add(new SupervisionTransition(status, next, action, actor, note, now));
        status = next;
    }

    private void audit(String action, String actor, String note, Instant now) {
        transitions.add(new SupervisionTransition(status, status, action, actor, note, now));
    }

    private static String join(List<String> departments) {
        return departments == null || departments.isEmpty() ? null
                : String.join("、", departments.stream().filter(d -> d != null && !d.isBlank()).map(String::strip).distinct().toList());
    }

    private static LocalDate localDate(Instant at) {
        return at.atZone(WorkingDayCalendar.ZONE).toLocalDate();
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    Origin origin() { return origin; }
    String originId() { return originId; }
    String title() { return title; }
    String requirement() { return requirement; }
    String ownerDepartment() { return ownerDepartment; }
    LocalDate deadline() { return deadline; }
    SupervisionStatus status() { return status; }
    String createdBy() { return createdBy; }
    Instant createdAt() { return createdAt; }
    String acceptedBy() { return acceptedBy; }
    String evidence() { return evidence; }
    Instant submittedAt() { return submittedAt; }
    String completedBy() { return completedBy; }
    Instant completedAt() { return completedAt; }
    LocalDate completedOn() { return completedOn; }
    Boolean onTime() { return onTime; }
    int reminderCount() { return reminderCount; }
    boolean remindedBeforeExpiry() { return remindedBeforeExpiry; }
    boolean escalated() { return escalated; }
    String cancelReason() { return cancelReason; }
    List<SupervisionTransition> transitions() { return transitions; }
}
