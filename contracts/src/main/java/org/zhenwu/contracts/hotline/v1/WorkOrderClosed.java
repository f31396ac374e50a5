package org.zhenwu.contracts.hotline.v1;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * A work order was closed (办结): after a satisfied return visit, or a consultation answered at once (satisfaction null). {@code onTime}: replied by its deadline. Topic {@value HotlineTopics#WORK_ORDER_EVENTS}, key workOrderId.
 * Evolve additively only (new nullable fields); anything else is a new v2 type.
 */
public record WorkOrderClosed(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction,
                    UUID workOrderId, String orderType, String satisfaction, boolean onTime) implements IntegrationEvent {
    public static final String TYPE = "hotline.WorkOrderClosed";

    public WorkOrderClosed {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(workOrderId, "workOrderId");
    }

    public static WorkOrderClosed of(String jurisdiction, UUID workOrderId, String orderType, String satisfaction, boolean onTime, Instant at) {
        return new WorkOrderClosed(UUID.randomUUID(), 1, at, jurisdiction, workOrderId, orderType, satisfaction, onTime);
    }
}
