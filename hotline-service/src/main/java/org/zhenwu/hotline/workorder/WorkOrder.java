package org.zhenwu.hotline.workorder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.zhenwu.hotline.stats.FigureRollupService.OrderFigures;
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
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/**
 * A 12345 work order (工单): the aggregate root. Its status changes only through {@link #moveTo}, which
 * checks {@link WorkOrderStatus#canMoveTo}, writes the audit line and puts the order in the right agents' queue.
 */
@Entity
@Table(name = "work_order")
class WorkOrder {
    @Id
    private UUID id;
    private String townCode;
    private String orderNumber;
    @Enumerated(EnumType.STRING)
    private WorkOrderType orderType;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private String category;
    @Enumerated(EnumType.STRING)
    private Urgency urgency;
    @Enumerated(EnumType.STRING)
    private WorkOrderStatus status;
    private String callerName;
    private String callerPhone;
    private boolean callerConfidential;
    private String location;
    private String content;
    private String department;
    private Instant acceptedAt;
    private LocalDate dueDate;
    private String createdBy;
    private Instant dispatchedAt;
    private Instant signedAt;
    private Boolean signedOnTime;
    private Instant repliedAt;
    private Instant closedAt;
    private String reply;
    @Enumerated(EnumType.STRING)
    private Satisfaction satisfaction;
    private int reopenCount;
    private UUID mergedInto;
    private Integer extensionDays;
    private String extensionReason;
    private boolean escalated;
    private boolean reminded;
    private int urgeCount;
    @Enumerated(EnumType.STRING)
    private AgentQueue queue;
    private int priority;
    private LocalDate queueAvailableOn;
    private String leasedBy;
    private Instant leaseUntil;
    private String sourceId;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "work_order_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<WorkOrderTransition> transitions = new ArrayList<>();

    @Transient
    private final List<WorkOrderEvent> pendingEvents = new ArrayList<>();
    /** What the order counted in the figures when loaded or last {@link #figuresCounted()}; null for a new one. */
    @Transient
    private OrderFigures countedAs;

    protected WorkOrder() {
        // for JPA
    }

    /** 受理: an agent takes a request in. */
    static WorkOrder accept(UUID id, String townCode, String orderNumber, Intake intake, LocalDate dueDate,
                            String agent, Instant now) {
        WorkOrder o = new WorkOrder();
        o.id = id;
        o.townCode = townCode;
        o.orderNumber = orderNumber;
        o.orderType = intake.type();
        o.channel = intake.channel();
        o.category = intake.category();
        o.urgency = intake.urgency();
        o.priority = intake.urgency() == Urgency.URGENT ? 0 : 1;
        o.callerName = intake.callerName();
        o.callerPhone = intake.callerPhone();
        o.callerConfidential = intake.callerConfidential();
        o.location = intake.location();
        o.content = intake.content();
        o.acceptedAt = now;
        o.dueDate = dueDate;
        o.createdBy = agent;
        o.status = WorkOrderStatus.ACCEPTED;
        o.transitions.add(new WorkOrderTransition(null, WorkOrderStatus.ACCEPTED, agent, null, now));
        o.enterQueue(AgentQueue.DISPATCH, localDate(now));
        o.pendingEvents.add(new WorkOrderEvent.Accepted(id, now));
        return o;
    }

    /** An order brought in from an earlier system (historical import), keyed by its source id there. */
    static WorkOrder imported(UUID id, String townCode, String orderNumber, String sourceId, Intake intake,
                              LocalDate dueDate, Instant acceptedAt, String importer) {
        WorkOrder o = accept(id, townCode, orderNumber, intake, dueDate, importer, acceptedAt);
        o.sourceId = sourceId;
        return o;
    }

    /** 派单, 改派 after a return, or again after 重办. */
    void dispatch(String toDepartment, String agent, String note, Instant now) {
        moveTo(WorkOrderStatus.DISPATCHED, agent, note, now);
        department = toDepartment;
        dispatchedAt = now;
        signedAt = null;
        pendingEvents.add(new WorkOrderEvent.Dispatched(id, toDepartment, now));
    }

    /** 签收 by the department it was sent to; on time (响应) when by {@code responseDeadline}. */
    void sign(String handler, Instant now, LocalDate responseDeadline) {
        moveTo(WorkOrderStatus.SIGNED, handler, null, now);
        signedAt = now;
        if (signedOnTime == null) {
            signedOnTime = !localDate(now).isAfter(responseDeadline);
        }
    }

    /**
     * 退单: the department says it is not its remit. Allowed until {@code returnDeadline}
     * (the configured working days after dispatch).
     */
    void returnToAgents(String handler, String reason, Instant now, LocalDate returnDeadline) {
        if (status.canMoveTo(WorkOrderStatus.RETURNED) && localDate(now).isAfter(returnDeadline)) {
            throw new WorkOrderRuleViolation("return-window-closed",
                    "Work order " + id + " can be returned only until " + returnDeadline + "; it must be handled");
        }
        moveTo(WorkOrderStatus.RETURNED, handler, reason, now);
        extensionDays = null;
        extensionReason = null;
    }

    /** 回复: the department's answer to the caller. */
    void reply(String handler, String answer, Instant now) {
        moveTo(WorkOrderStatus.REPLIED, handler, answer, now);
        reply = answer;
        repliedAt = now;
        pendingEvents.add(new WorkOrderEvent.Replied(id, department, !localDate(now).isAfter(dueDate), now));
    }

    /** 回访: the agent calls back; a dissatisfied caller reopens the order (重办). */
    void revisit(String agent, Satisfaction verdict, String note, Instant now, WorkingDayCalendar calendar, int reopenDays) {
        if (verdict.closesTheOrder()) {
            moveTo(WorkOrderStatus.CLOSED, agent, note, now);
            satisfaction = verdict;
            closedAt = now;
            pendingEvents.add(new WorkOrderEvent.Closed(id, verdict, repliedAt != null && !localDate(repliedAt).isAfter(dueDate), now));
        } else {
            moveTo(WorkOrderStatus.REOPENED, agent, note, now);
            satisfaction = verdict;
            reopenCount++;
            escalated = false;
            reminded = false;
            dueDate = calendar.addWorkingDays(localDate(now), reopenDays);
            pendingEvents.add(new WorkOrderEvent.Reopened(id, reopenCount, now));
        }
    }

    /** A consultation answered by the agent at once: closed without a department. */
    void answerAtOnce(String agent, String answer, Instant now) {
        if (orderType != WorkOrderType.CONSULTATION) {
            throw new WorkOrderRuleViolation("not-a-consultation", "Only consultations (咨询) may be answered and closed at once");
        }
        moveTo(WorkOrderStatus.CLOSED, agent, answer, now);
        reply = answer;
        repliedAt = now;
        closedAt = now;
        pendingEvents.add(new WorkOrderEvent.Closed(id, null, true, now));
    }

    /** 并单: a repeat request on the same matter is merged into the earlier order. */
    void mergeInto(WorkOrder earlier, String agent, Instant now) {
        if (earlier.id.equals(id) || !earlier.townCode.equals(townCode) || !earlier.status.isOpen()) {
            throw new WorkOrderRuleViolation("merge-target-invalid",
                    "A work order can be merged only into another open order of the same town");
        }
        moveTo(WorkOrderStatus.MERGED, agent, "并入 " + earlier.orderNumber, now);
        mergedInto = earlier.id;
        closedAt = now;
        earlier.audit(agent, "并单: " + orderNumber, now);
        pendingEvents.add(new WorkOrderEvent.Merged(id, earlier.id, now));
    }

    /** The department asks for more time (延期申请); at most {@code maxDays} working days. */
    void requestExtension(String handler, int days, String reason, Instant now, int maxDays) {
        requireAtDepartment("request an extension for");
        if (days < 1 || days > maxDays) {
            throw new WorkOrderRuleViolation("extension-too-long", "An extension is 1 to " + maxDays + " working days");
        }
        if (extensionDays != null) {
            throw new WorkOrderRuleViolation("extension-pending", "An extension request is already waiting for approval");
        }
        extensionDays = days;
        extensionReason = reason;
        audit(handler, "延期申请 " + days + " 个工作日: " + reason, now);
    }

    /** The hotline office decides on the pending extension. */
    void decideExtension(String agent, boolean approve, String note, Instant now, WorkingDayCalendar calendar) {
        if (extensionDays == null) {
            throw new WorkOrderRuleViolation("no-extension-pending", "There is no extension request to decide");
        }
        requireAtDepartment("decide an extension of");
        if (approve) {
            dueDate = calendar.addWorkingDays(dueDate, extensionDays);
            if (escalated && !localDate(now).isAfter(dueDate)) {
                escalated = false;
                queue = null;
            }
            reminded = false;
        }
        audit(agent, (approve ? "延期批准, 新期限 " + dueDate : "延期不予批准") + (note == null ? "" : ": " + note), now);
        extensionDays = null;
        extensionReason = null;
    }

    /** 催办: an agent (or the reminder job) presses the department. */
    void urge(String actor, String note, Instant now) {
        requireAtDepartment("urge");
        urgeCount++;
        audit(actor, "催办" + (note == null ? "" : ": " + note), now);
    }

    /** Reminder before expiry; returns false when already reminded (the job may see an order twice). */
    boolean remindBeforeExpiry(Instant now) {
        if (reminded || !(status == WorkOrderStatus.DISPATCHED || status == WorkOrderStatus.SIGNED)) {
            return false;
        }
        reminded = true;
        urgeCount++;
        audit("system", "到期前催办, 期限 " + dueDate, now);
        return true;
    }

    /** Overdue escalation; returns false when already escalated or no longer at a department. */
    boolean escalateIfOverdue(Instant now) {
        if (escalated || !(status == WorkOrderStatus.DISPATCHED || status == WorkOrderStatus.SIGNED)
                || !localDate(now).isAfter(dueDate)) {
            return false;
        }
        escalated = true;
        enterQueue(AgentQueue.OVERDUE, localDate(now));
        audit("system", "超期升级督办, 期限 " + dueDate, now);
        pendingEvents.add(new WorkOrderEvent.Escalated(id, department, now));
        return true;
    }

    /** The district office's 督办 opened for this order (after escalation) was completed; noted in the trail. */
    void noteSupervisionCompleted(String department, String evidence, Instant now) {
        audit("document-service", "督办完成 (" + department + "): " + evidence, now);
    }

    /** Leases the order to an agent; the claim query has already made sure nobody else holds it. */
    void lease(String agent, Instant until) {
        leasedBy = agent;
        leaseUntil = until;
    }

    boolean isHeldByAnotherAgent(String agent, Instant now) {
        return leasedBy != null && !leasedBy.equals(agent) && leaseUntil != null && leaseUntil.isAfter(now);
    }

    void releaseLease(String agent) {
        if (agent.equals(leasedBy)) {
            leasedBy = null;
            leaseUntil = null;
        }
    }

    /**
     * What the order adds to the hotline figures as it stands: null when it counts nowhere (merged). The same
     * conditions as the figures' GROUP BY over work_order ({@code FigureStatements}).
     */
    OrderFigures figures() {
        if (status == WorkOrderStatus.MERGED) {
            return null;
        }
        boolean closed = status == WorkOrderStatus.CLOSED;
        return new OrderFigures(townCode, localDate(acceptedAt), orderType.name(), channel.name(), department,
                dispatchedAt != null, Boolean.TRUE.equals(signedOnTime), closed,
                closed && repliedAt != null && !localDate(repliedAt).isAfter(dueDate), satisfaction != null,
                satisfaction == Satisfaction.SATISFIED || satisfaction == Satisfaction.BASICALLY_SATISFIED);
    }

    /** What the figures hold for this order: as loaded, or as last reported with {@link #figuresCounted()}. */
    OrderFigures countedAs() {
        return countedAs;
    }

    /** The rollups now hold {@link #figures()}. */
    void figuresCounted() {
        countedAs = figures();
    }

    @PostLoad
    void loaded() {
        countedAs = figures();
    }

    List<WorkOrderEvent> pullEvents() {
        List<WorkOrderEvent> events = List.copyOf(pendingEvents);
        pendingEvents.clear();
        return events;
    }

    private void moveTo(WorkOrderStatus next, String actor, String note, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("Work order", id, status, next);
        }
        transitions.add(new WorkOrderTransition(status, next, actor, note, now));
        status = next;
        leasedBy = null;
        leaseUntil = null;
        switch (next) {
            case RETURNED, REOPENED -> enterQueue(AgentQueue.DISPATCH, localDate(now));
            case REPLIED -> enterQueue(AgentQueue.REVISIT, localDate(now).plusDays(1));
            case DISPATCHED -> {
                queue = null;
                escalated = false;
                reminded = false;
            }
            case SIGNED -> {
                if (!escalated) {
                    queue = null;
                }
            }
            default -> queue = null;
        }
    }

    private void audit(String actor, String note, Instant now) {
        transitions.add(new WorkOrderTransition(status, status, actor, note, now));
    }

    private void enterQueue(AgentQueue q, LocalDate availableOn) {
        queue = q;
        queueAvailableOn = availableOn;
    }

    private void requireAtDepartment(String action) {
        if (status != WorkOrderStatus.DISPATCHED && status != WorkOrderStatus.SIGNED) {
            throw new IllegalTransitionException("Work order", id, status.name(), null,
                    "Only an order at a department can be asked to " + action + "; work order " + id + " is " + status);
        }
    }

    private static LocalDate localDate(Instant at) {
        return at.atZone(WorkingDayCalendar.ZONE).toLocalDate();
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    String orderNumber() { return orderNumber; }
    WorkOrderType orderType() { return orderType; }
    Channel channel() { return channel; }
    String category() { return category; }
    Urgency urgency() { return urgency; }
    WorkOrderStatus status() { return status; }
    String callerName() { return callerName; }
    String callerPhone() { return callerPhone; }
    boolean callerConfidential() { return callerConfidential; }
    String location() { return location; }
    String content() { return content; }
    String department() { return department; }
    Instant acceptedAt() { return acceptedAt; }
    LocalDate dueDate() { return dueDate; }
    String createdBy() { return createdBy; }
    Instant dispatchedAt() { return dispatchedAt; }
    Instant signedAt() { return signedAt; }
    Boolean signedOnTime() { return signedOnTime; }
    boolean reminded() { return reminded; }
    int priority() { return priority; }
    LocalDate queueAvailableOn() { return queueAvailableOn; }
    Instant repliedAt() { return repliedAt; }
    Instant closedAt() { return closedAt; }
    String reply() { return reply; }
    Satisfaction satisfaction() { return satisfaction; }
    int reopenCount() { return reopenCount; }
    UUID mergedInto() { return mergedInto; }
    Integer extensionDays() { return extensionDays; }
    String extensionReason() { return extensionReason; }
    boolean escalated() { return escalated; }
    int urgeCount() { return urgeCount; }
    AgentQueue queue() { return queue; }
    String leasedBy() { return leasedBy; }
    Instant leaseUntil() { return leaseUntil; }
    String sourceId() { return sourceId; }
    List<WorkOrderTransition> transitions() { return List.copyOf(transitions); }
}
