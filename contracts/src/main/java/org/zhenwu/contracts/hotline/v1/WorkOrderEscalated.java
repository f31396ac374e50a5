package org.zhenwu.contracts.hotline.v1;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * A work order at a department passed its deadline and was escalated for supervision (超期督办); document-service opens a 督办 task. Topic {@value HotlineTopics#WORK_ORDER_EVENTS}, key workOrderId.
 * Evolve additively only (new nullable fields); anything else is a new v2 type.
 */
public record WorkOrderEscalated(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction,
                    UUID workOrderId, String department, String orderNumber, java.time.LocalDate dueDate) implements IntegrationEvent {
    public static final String TYPE = "hotline.WorkOrderEscalated";

    public WorkOrderEscalated {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(workOrderId, "workOrderId");
    }

    public static WorkOrderEscalated of(String jurisdiction, UUID workOrderId, String department, String orderNumber, java.time.LocalDate dueDate, Instant at) {
        return new WorkOrderEscalated(UUID.randomUUID(), 1, at, jurisdiction, workOrderId, department, orderNumber, dueDate);
    }
}
