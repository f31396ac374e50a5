package org.zhenwu.hotline.workorder;

import java.time.Instant;
import java.util.UUID;

/** What happened to a work order, inside hotline-service. {@link WorkOrderService} turns these into contract events. */
sealed interface WorkOrderEvent {
    UUID workOrderId();

    Instant occurredAt();

    record Accepted(UUID workOrderId, Instant occurredAt) implements WorkOrderEvent {
    }

    record Dispatched(UUID workOrderId, String department, Instant occurredAt) implements WorkOrderEvent {
    }

    record Replied(UUID workOrderId, String department, boolean onTime, Instant occurredAt) implements WorkOrderEvent {
    }

    record Closed(UUID workOrderId, Satisfaction satisfaction, boolean onTime, Instant occurredAt) implements WorkOrderEvent {
    }

    record Reopened(UUID workOrderId, int reopenCount, Instant occurredAt) implements WorkOrderEvent {
    }

    record Escalated(UUID workOrderId, String department, Instant occurredAt) implements WorkOrderEvent {
    }

    record Merged(UUID workOrderId, UUID into, Instant occurredAt) implements WorkOrderEvent {
    }
}
