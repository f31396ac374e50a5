package org.zhenwu.contracts.hotline.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * A 12345 work order was accepted (受理). Topic {@value HotlineTopics#WORK_ORDER_EVENTS}, key workOrderId.
 * Carries no caller identity: personal data stays in hotline-service.
 * Evolve additively only (new nullable fields); anything else is a new v2 type.
 *
 * @param orderType 咨询/求助/投诉/举报/建议/表扬 as the enum name (CONSULTATION, HELP, COMPLAINT, REPORT, SUGGESTION, PRAISE)
 * @param channel   PHONE, WEB, WECHAT, APP, KIOSK, OPEN311
 * @param dueDate   the working-day deadline computed at intake
 */
public record WorkOrderCreated(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction,
                               UUID workOrderId, String orderNumber, String orderType, String channel,
                               String category, String urgency, LocalDate dueDate) implements IntegrationEvent {
    public static final String TYPE = "hotline.WorkOrderCreated";

    public WorkOrderCreated {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(workOrderId, "workOrderId");
    }

    public static WorkOrderCreated of(String jurisdiction, UUID workOrderId, String orderNumber, String orderType,
                                      String channel, String category, String urgency, LocalDate dueDate, Instant at) {
        return new WorkOrderCreated(UUID.randomUUID(), 1, at, jurisdiction, workOrderId, orderNumber, orderType,
                channel, category, urgency, dueDate);
    }
}
