package org.zhenwu.hotline.workorder;

import java.time.Instant;
import java.util.UUID;

/** What happened to a work order, inside hotline-service. {@link WorkOrderService} turns these into contract events. */
sealed interface WorkOrderEvent {
    record Accepted(UUID workOrderId, Instant occurredAt) implements WorkOrderEvent {
    }

    record Dispatched(UUID workOrderId, String department, Instant occurredAt) implements WorkOrderEvent {
    }
}
