package org.zhenwu.document.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What happened to a supervision task, inside document-service. */
sealed interface SupervisionEvent {
    UUID taskId();

    Instant occurredAt();

    record Completed(UUID taskId, LocalDate completedOn, boolean onTime, Instant occurredAt) implements SupervisionEvent {
    }

    record Escalated(UUID taskId, LocalDate deadline, Instant occurredAt) implements SupervisionEvent {
    }
}
