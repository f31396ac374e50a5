package org.zhenwu.servicehall.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.BatchSize;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.servicehall.matter.MatterChannel;
import org.zhenwu.servicehall.stats.FigureRollupService;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/**
 * An application (办件): the aggregate root. Taken in at any window against the matter's required materials — accepted
 * (受理) when complete, otherwise one notice (一次性告知) lists every missing material and 补正 starts the clock
 * afresh. The clock counts the matter's promised limit (承诺时限) in working days from acceptance to completion (办结).
 * Its status changes only through {@link #moveTo}.
 */
@Entity
@Table(name = "application")
class Application {
    @Id
    private UUID id;
    private String townCode;
    private String applicationNumber;
    private UUID matterId;
    private long matterVersion;
    private String matterCode;
    private String matterName;
    private String department;
    private int legalLimitDays;
    private int promisedLimitDays;
    private long feeFen;
    @Enumerated(EnumType.STRING)
    private MatterChannel channel;
    private UUID kioskId;
    private UUID ticketId;
    private String applicantName;
    private String applicantIdNumber;
    private String applicantPhone;
    @Enumerated(EnumType.STRING)
    private ApplicationStatus status;
    private Instant receivedAt;
    private String receivedBy;
    private Instant noticeIssuedAt;
    private Instant acceptedAt;
    private LocalDate acceptedOn;
    private LocalDate dueDate;
    private LocalDate legalDueDate;
    private Instant decidedAt;
    private String decidedBy;
    @Enumerated(EnumType.STRING)
    private ApplicationOutcome outcome;
    private String opinion;
    private String legalBasis;
    private Instant completedAt;
    private LocalDate completedOn;
    private Integer workingDays;
    private Boolean onTime;
    private Instant deliveredAt;
    @Enumerated(EnumType.STRING)
    private DeliveryMethod deliveryMethod;
    private String trackingNumber;
    @Enumerated(EnumType.STRING)
    private ClockWarning warningLevel;
    private String sourceId;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "application_material", joinColumns = @JoinColumn(name = "application_id"))
    @OrderColumn(name = "list_index")
    @BatchSize(size = 100)
    private List<MaterialCheck> materials = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "application_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<ApplicationTransition> transitions = new ArrayList<>();

    @Transient
    private final List<ApplicationEvent> pendingEvents = new ArrayList<>();
    /** What the row counted in the hall figures when it was loaded or last saved (null: nowhere, or new). */
    @Transient
    private FigureRollupService.ApplicationCell countedAs;

    protected Application() {
        // for JPA
    }

    /**
     * 收件 at a window: checks what was handed in against the matter's list. Complete → 受理 and the clock starts;
     * otherwise 一次性告知 naming every missing material.
     *
     * @throws InvalidFieldException naming {@code providedMaterials[i]} for a material the matter does not ask for
     */
    static Application receive(UUID id, String townCode, String number, Matter matter, Intake intake,
                               List<String> provided, String clerk, Instant now, WorkingDayCalendar calendar) {
        Application a = new Application();
        a.id = id;
        a.townCode = townCode;
        a.applicationNumber = number;
        a.matterId = matter.id();
        a.matterVersion = matter.version();
        a.matterCode = matter.code();
        a.matterName = matter.name();
        a.department = matter.department();
        a.legalLimitDays = matter.legalLimitDays();
        a.promisedLimitDays = matter.promisedLimitDays();
        a.feeFen = matter.feeFen();
        a.channel = intake.channel();
        a.kioskId = intake.kioskId();
        a.ticketId = intake.ticketId();
        a.applicantName = intake.applicantName();
        a.applicantIdNumber = intake.applicantIdNumber();
        a.applicantPhone = intake.applicantPhone();
        a.receivedAt = now;
        a.receivedBy = clerk;
        a.warningLevel = ClockWarning.NONE;
        matter.requiredMaterials().forEach(m -> a.materials.add(new MaterialCheck(m, false)));
        a.markProvided(provided);
        List<String> missing = a.missingMaterials();
        if (missing.isEmpty()) {
            a.status = ApplicationStatus.ACCEPTED;
            a.transitions.add(new ApplicationTransition(null, ApplicationStatus.ACCEPTED, clerk, "材料齐全, 受理", now));
            a.startClock(now, calendar);
        } else {
            a.status = ApplicationStatus.AWAITING_SUPPLEMENT;
            a.noticeIssuedAt = now;
            a.transitions.add(new ApplicationTransition(null, ApplicationStatus.AWAITING_SUPPLEMENT, clerk,
                    "一次性告知, 需补正: " + String.join("、", missing), now));
            a.pendingEvents.add(new ApplicationEvent.NoticeIssued(id, missing, now));
        }
        return a;
    }

    /** 补正: materials brought after the notice. Once nothing is missing the application is accepted and the clock starts. */
    void supplement(List<String> provided, String clerk, Instant now, WorkingDayCalendar calendar) {
        if (status != ApplicationStatus.AWAITING_SUPPLEMENT) {
            throw new IllegalTransitionException("Application", id, status.name(), ApplicationStatus.ACCEPTED.name(),
                    "Only an application awaiting 补正 takes supplementary materials; application " + applicationNumber
                            + " is " + status);
        }
        markProvided(provided);
        List<String> missing = missingMaterials();
        if (missing.isEmpty()) {
            moveTo(ApplicationStatus.ACCEPTED, clerk, "补正齐全, 受理", now);
            startClock(now, calendar);
        } else {
            audit(clerk, "补正, 仍缺: " + String.join("、", missing), now);
        }
    }

    /** 审批 by the department: approve, or reject naming the legal basis. */
    void decide(ApplicationOutcome decision, String handler, String opinionText, String basis, Instant now) {
        if (decision == ApplicationOutcome.REJECTED && (basis == null || basis.isBlank())) {
            throw new InvalidFieldException("legalBasis", "a rejection names its legal basis");
        }
        moveTo(decision == ApplicationOutcome.APPROVED ? ApplicationStatus.APPROVED : ApplicationStatus.REJECTED, handler,
                decision == ApplicationOutcome.REJECTED ? basis + (opinionText == null ? "" : ": " + opinionText) : opinionText,
                now);
        outcome = decision;
        opinion = opinionText;
        legalBasis = decision == ApplicationOutcome.REJECTED ? basis : null;
        decidedAt = now;
        decidedBy = handler;
        pendingEvents.add(new ApplicationEvent.Decided(id, decision, now));
    }

    /** 办结: the result is ready; the clock stops. On time when by the promised due date. */
    void complete(String actor, String note, Instant now, WorkingDayCalendar calendar) {
        moveTo(ApplicationStatus.COMPLETED, actor, note, now);
        completedAt = now;
        completedOn = localDate(now);
        workingDays = Math.max(0, calendar.workingDaysBetween(acceptedOn, completedOn));
        onTime = !completedOn.isAfter(dueDate);
        pendingEvents.add(new ApplicationEvent.Completed(id, onTime, workingDays, now));
    }

    /** 出件 at the window, or 送达 by mail (with its tracking number). */
    void deliver(DeliveryMethod method, String tracking, String clerk, Instant now) {
        if (method == DeliveryMethod.MAIL && (tracking == null || tracking.isBlank())) {
            throw new InvalidFieldException("trackingNumber", "is required when the result is sent by mail");
        }
        moveTo(ApplicationStatus.DELIVERED, clerk, method == DeliveryMethod.MAIL ? "邮寄 " + tracking : "窗口领取", now);
        deliveryMethod = method;
        trackingNumber = method == DeliveryMethod.MAIL ? tracking : null;
        deliveredAt = now;
        pendingEvents.add(new ApplicationEvent.Delivered(id, method, now));
    }

    /** 撤回 by the applicant before a decision. */
    void withdraw(String clerk, String reason, Instant now) {
        moveTo(ApplicationStatus.WITHDRAWN, clerk, reason, now);
        pendingEvents.add(new ApplicationEvent.Withdrawn(id, reason, now));
    }

    /**
     * The clock's light for today: RED once past the due date, YELLOW from {@code yellowBeforeDays} working days before
     * it. Each level is raised once; returns false when nothing changed (the job may see an application twice).
     */
    boolean updateClock(Instant now, WorkingDayCalendar calendar, int yellowBeforeDays) {
        if (!status.clockRuns() || dueDate == null) {
            return false;
        }
        LocalDate today = localDate(now);
        if (today.isAfter(dueDate)) {
            if (warningLevel == ClockWarning.RED) {
                return false;
            }
            return raise(ClockWarning.RED, "超期 (承诺期限 " + dueDate + ")", now);
        }
        if (warningLevel == ClockWarning.NONE && !calendar.addWorkingDays(today, yellowBeforeDays).isBefore(dueDate)) {
            return raise(ClockWarning.YELLOW, "临近期限 " + dueDate, now);
        }
        return false;
    }

    /** Working days left until the due date (negative when overdue); null when the clock does not run. */
    Integer remainingWorkingDays(LocalDate today, WorkingDayCalendar calendar) {
        return status.clockRuns() && dueDate != null ? calendar.workingDaysBetween(today, dueDate) : null;
    }

    List<String> missingMaterials() {
        return materials.stream().filter(m -> !m.provided()).map(MaterialCheck::material).toList();
    }

    List<ApplicationEvent> pullEvents() {
        List<ApplicationEvent> events = List.copyOf(pendingEvents);
        pendingEvents.clear();
        return events;
    }

    /** Marks an imported application with its id in the earlier system. */
    void importedFrom(String source) {
        sourceId = source;
    }

    private boolean raise(ClockWarning level, String note, Instant now) {
        warningLevel = level;
        audit("system", (level == ClockWarning.RED ? "红灯: " : "黄灯: ") + note, now);
        pendingEvents.add(new ApplicationEvent.Warned(id, level, now));
        return true;
    }

    private void markProvided(List<String> provided) {
        for (int i = 0; i < provided.size(); i++) {
            String name = provided.get(i);
            MaterialCheck check = materials.stream().filter(m -> m.material().equals(name)).findFirst()
                    .orElseThrow(invalidMaterial(i, name));
            check.provide();
        }
    }

    private java.util.function.Supplier<InvalidFieldException> invalidMaterial(int index, String name) {
        return () -> new InvalidFieldException("providedMaterials[" + index + "]",
                "'" + name + "' is not a required material of matter " + matterCode);
    }

    private void startClock(Instant now, WorkingDayCalendar calendar) {
        acceptedAt = now;
        acceptedOn = localDate(now);
        dueDate = calendar.addWorkingDays(acceptedOn, promisedLimitDays);
        legalDueDate = calendar.addWorkingDays(acceptedOn, legalLimitDays);
        warningLevel = ClockWarning.NONE;
        pendingEvents.add(new ApplicationEvent.Accepted(id, now));
    }

    @PostLoad
    private void rememberFigures() {
        countedAs = figures();
    }

    /** What the application counts in the hall figures now: running or done since its acceptance; withdrawn not. */
    FigureRollupService.ApplicationCell figures() {
        boolean counted = acceptedOn != null && switch (status) {
            case ACCEPTED, APPROVED, REJECTED, COMPLETED, DELIVERED -> true;
            case AWAITING_SUPPLEMENT, WITHDRAWN -> false;
        };
        return counted ? new FigureRollupService.ApplicationCell(townCode, acceptedOn, department, status.isCompleted(),
                Boolean.TRUE.equals(onTime), workingDays == null ? 0 : workingDays) : null;
    }

    /** What the figures counted before this change; from now on they count {@link #figures()}. */
    FigureRollupService.ApplicationCell figuresCounted() {
        FigureRollupService.ApplicationCell before = countedAs;
        countedAs = figures();
        return before;
    }

    private void moveTo(ApplicationStatus next, String actor, String note, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("Application", id, status, next);
        }
        transitions.add(new ApplicationTransition(status, next, actor, note, now));
        status = next;
    }

    private void audit(String actor, String note, Instant now) {
        transitions.add(new ApplicationTransition(status, status, actor, note, now));
    }

    private static LocalDate localDate(Instant at) {
        return at.atZone(WorkingDayCalendar.ZONE).toLocalDate();
    }

    /** The catalogue entry an application is taken in under. */
    record Matter(UUID id, long version, String code, String name, String department, int legalLimitDays,
                  int promisedLimitDays, long feeFen, List<String> requiredMaterials) {
    }

    /** Who applies, and through which channel (and kiosk, and queue ticket). */
    record Intake(MatterChannel channel, UUID kioskId, UUID ticketId, String applicantName, String applicantIdNumber,
                  String applicantPhone) {
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    String applicationNumber() { return applicationNumber; }
    UUID matterId() { return matterId; }
    long matterVersion() { return matterVersion; }
    String matterCode() { return matterCode; }
    String matterName() { return matterName; }
    String department() { return department; }
    int legalLimitDays() { return legalLimitDays; }
    int promisedLimitDays() { return promisedLimitDays; }
    long feeFen() { return feeFen; }
    MatterChannel channel() { return channel; }
    UUID kioskId() { return kioskId; }
    UUID ticketId() { return ticketId; }
    String applicantName() { return applicantName; }
    String applicantIdNumber() { return applicantIdNumber; }
    String applicantPhone() { return applicantPhone; }
    ApplicationStatus status() { return status; }
    Instant receivedAt() { return receivedAt; }
    String receivedBy() { return receivedBy; }
    Instant noticeIssuedAt() { return noticeIssuedAt; }
    Instant acceptedAt() { return acceptedAt; }
    LocalDate acceptedOn() { return acceptedOn; }
    LocalDate dueDate() { return dueDate; }
    LocalDate legalDueDate() { return legalDueDate; }
    Instant decidedAt() { return decidedAt; }
    String decidedBy() { return decidedBy; }
    ApplicationOutcome outcome() { return outcome; }
    String opinion() { return opinion; }
    String legalBasis() { return legalBasis; }
    Instant completedAt() { return completedAt; }
    LocalDate completedOn() { return completedOn; }
    Integer workingDays() { return workingDays; }
    Boolean onTime() { return onTime; }
    Instant deliveredAt() { return deliveredAt; }
    DeliveryMethod deliveryMethod() { return deliveryMethod; }
    String trackingNumber() { return trackingNumber; }
    ClockWarning warningLevel() { return warningLevel; }
    String sourceId() { return sourceId; }
    List<MaterialCheck> materials() { return List.copyOf(materials); }
    List<ApplicationTransition> transitions() { return List.copyOf(transitions); }
}
