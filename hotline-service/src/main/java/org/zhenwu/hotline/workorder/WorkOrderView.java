package org.zhenwu.hotline.workorder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A work order as the feature hands it out (never the entity). Callers' data is unmasked here: the web layer masks. */
public record WorkOrderView(UUID id, String town, String orderNumber, WorkOrderType type, Channel channel, String category,
                            Urgency urgency, WorkOrderStatus status, String callerName, String callerPhone,
                            boolean callerConfidential, String location, String content, String department,
                            Instant acceptedAt, LocalDate dueDate, Instant dispatchedAt, Instant repliedAt,
                            Instant closedAt, String reply, Satisfaction satisfaction, int reopenCount, UUID mergedInto,
                            Integer pendingExtensionDays, boolean escalated, int urgeCount, AgentQueue queue,
                            String leasedBy, Instant leaseUntil, List<Transition> transitions) {

    public record Transition(WorkOrderStatus from, WorkOrderStatus to, String actor, String note, Instant at) {
    }

    /** This order as it is once leased to {@code agent} until {@code until}. */
    WorkOrderView leasedTo(String agent, Instant until) {
        return new WorkOrderView(id, town, orderNumber, type, channel, category, urgency, status, callerName, callerPhone,
                callerConfidential, location, content, department, acceptedAt, dueDate, dispatchedAt, repliedAt,
                closedAt, reply, satisfaction, reopenCount, mergedInto, pendingExtensionDays, escalated, urgeCount, queue,
                agent, until, transitions);
    }

    static WorkOrderView of(WorkOrder o) {
        return of(o, null);
    }

    static WorkOrderView withTrail(WorkOrder o) {
        return of(o, o.transitions().stream()
                .map(t -> new Transition(t.fromStatus(), t.toStatus(), t.actor(), t.note(), t.at())).toList());
    }

    private static WorkOrderView of(WorkOrder o, List<Transition> trail) {
        return new WorkOrderView(o.id(), o.townCode(), o.orderNumber(), o.orderType(), o.channel(), o.category(),
                o.urgency(), o.status(), o.callerName(), o.callerPhone(), o.callerConfidential(), o.location(),
                o.content(), o.department(), o.acceptedAt(), o.dueDate(), o.dispatchedAt(), o.repliedAt(), o.closedAt(),
                o.reply(), o.satisfaction(), o.reopenCount(), o.mergedInto(), o.extensionDays(), o.escalated(),
                o.urgeCount(), o.queue(), o.leasedBy(), o.leaseUntil(), trail);
    }
}
