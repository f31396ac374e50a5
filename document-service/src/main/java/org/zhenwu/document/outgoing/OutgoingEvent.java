package org.zhenwu.document.outgoing;

import java.time.Instant;
import java.util.UUID;

import org.zhenwu.document.element.DocumentNumber;

/** What happened to an outgoing document, inside document-service. The service turns some into contract events. */
sealed interface OutgoingEvent {
    UUID documentId();

    Instant occurredAt();

    record Registered(UUID documentId, DocumentNumber number, Instant occurredAt) implements OutgoingEvent {
    }

    record Distributed(UUID documentId, int copies, Instant occurredAt) implements OutgoingEvent {
    }

    record Voided(UUID documentId, String reason, Instant occurredAt) implements OutgoingEvent {
    }
}
