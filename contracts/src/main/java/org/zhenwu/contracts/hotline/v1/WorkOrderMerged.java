package org.zhenwu.contracts.hotline.v1;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * A repeat request was merged (并单) into an earlier open order: it is no longer a work order of its own and leaves
 * the hotline's counts. Topic {@value HotlineTopics#WORK_ORDER_EVENTS}, key workOrderId (the merged one, so it follows
 * its {@link WorkOrderCreated} on the same partition). Evolve additively only (new nullable fields); anything else is
 * a new v2 type.
 *
 * @param workOrderId the repeat request, now closed as merged
 * @param mergedInto  the earlier order that carries on
 * @param orderType   the merged order's type, as in its {@link WorkOrderCreated}
 * @param acceptedAt  when the merged order was accepted (受理), as in its {@link WorkOrderCreated#occurredAt()}
 */
public record WorkOrderMerged(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction, UUID workOrderId,
                              UUID mergedInto, String orderType, Instant acceptedAt) implements IntegrationEvent {
    public static final String TYPE = "hotline.WorkOrderMerged";

    public WorkOrderMerged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(workOrderId, "workOrderId");
        Objects.requireNonNull(mergedInto, "mergedInto");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
    }

    public static WorkOrderMerged of(String jurisdiction, UUID workOrderId, UUID mergedInto, String orderType,
                                     Instant acceptedAt, Instant at) {
        return new WorkOrderMerged(UUID.randomUUID(), 1, at, jurisdiction, workOrderId, mergedInto, orderType, acceptedAt);
    }
}
