package org.zhenwu.document.disclosure;

import java.time.Instant;

/** What happened to a disclosure item that others may care about, inside document-service. */
sealed interface DisclosureEvent {
    Instant occurredAt();

    record Published(Instant occurredAt) implements DisclosureEvent {
    }

    record Withdrawn(String reason, Instant occurredAt) implements DisclosureEvent {
    }
}
