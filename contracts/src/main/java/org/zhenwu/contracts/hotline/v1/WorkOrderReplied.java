package org.zhenwu.contracts.hotline.v1;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * A department answered a work order (回复); {@code onTime} when by its deadline. Topic {@value HotlineTopics#WORK_ORDER_EVENTS}, key workOrderId.
 * Evolve additively only (new nullable fields); anything else is a new v2 type.
 */
public record WorkOrderReplied(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction,
                    UUID workOrderId, String department, boolean onTime) implements IntegrationEvent {
    public static final String TYPE = "hotline.WorkOrderReplied";

    public WorkOrderReplied {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(workOrderId, "workOrderId");
    }

    public static WorkOrderReplied of(String jurisdiction, UUID workOrderId, String department, boolean onTime, Instant at) {
        return new WorkOrderReplied(UUID.randomUUID(), 1, at, jurisdiction, workOrderId, department, onTime);
    }
}
