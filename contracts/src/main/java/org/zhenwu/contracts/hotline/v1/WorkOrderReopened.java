package org.zhenwu.contracts.hotline.v1;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * A dissatisfied caller reopened a work order (重办); {@code reopenCount} counts how often. Topic {@value HotlineTopics#WORK_ORDER_EVENTS}, key workOrderId.
 * Evolve additively only (new nullable fields); anything else is a new v2 type.
 */
public record WorkOrderReopened(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction,
                    UUID workOrderId, int reopenCount) implements IntegrationEvent {
    public static final String TYPE = "hotline.WorkOrderReopened";

    public WorkOrderReopened {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(workOrderId, "workOrderId");
    }

    public static WorkOrderReopened of(String jurisdiction, UUID workOrderId, int reopenCount, Instant at) {
        return new WorkOrderReopened(UUID.randomUUID(), 1, at, jurisdiction, workOrderId, reopenCount);
    }
}
