package org.zhenwu.hotline.workorder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.zhenwu.platform.web.IllegalTransitionException;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
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

/** A 12345 work order (工单): the aggregate root. Its status changes only through {@link #moveTo}. */
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
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY, orphanRemoval = false)
    @JoinColumn(name = "work_order_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<WorkOrderTransition> transitions = new ArrayList<>();

    @Transient
    private final List<WorkOrderEvent> pendingEvents = new ArrayList<>();

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
        o.pendingEvents.add(new WorkOrderEvent.Accepted(id, now));
        return o;
    }

    /** 派单 (or 改派 after a return, or again after 重办). */
    void dispatch(String toDepartment, String agent, String note, Instant now) {
        moveTo(WorkOrderStatus.DISPATCHED, agent, note, now);
        this.department = toDepartment;
        pendingEvents.add(new WorkOrderEvent.Dispatched(id, toDepartment, now));
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
    }

    /** What an agent records at intake. */
    record Intake(WorkOrderType type, Channel channel, String category, Urgency urgency, String callerName,
                  String callerPhone, boolean callerConfidential, String location, String content) {
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
    List<WorkOrderTransition> transitions() { return List.copyOf(transitions); }
}
