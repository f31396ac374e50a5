package org.zhenwu.contracts.hotline.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * A work order was sent (派单) or re-sent (改派, after 重办) to a department. Topic
 * {@value HotlineTopics#WORK_ORDER_EVENTS}, key workOrderId. Evolve additively only.
 */
public record WorkOrderDispatched(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction,
                                  UUID workOrderId, String department, LocalDate dueDate) implements IntegrationEvent {
    public static final String TYPE = "hotline.WorkOrderDispatched";

    public WorkOrderDispatched {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(workOrderId, "workOrderId");
    }

    public static WorkOrderDispatched of(String jurisdiction, UUID workOrderId, String department, LocalDate dueDate,
                                         Instant at) {
        return new WorkOrderDispatched(UUID.randomUUID(), 1, at, jurisdiction, workOrderId, department, dueDate);
    }
}
