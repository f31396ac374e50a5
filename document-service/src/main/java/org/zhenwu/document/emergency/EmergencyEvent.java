package org.zhenwu.document.emergency;

import java.time.Instant;

/** What happened to an emergency report, inside document-service. */
sealed interface EmergencyEvent {
    Instant occurredAt();

    record Received(Instant occurredAt) implements EmergencyEvent {
    }

    /** An upward report ({@code phone} or written) is past its deadline and still not made. */
    record Overdue(boolean phone, Instant dueAt, Instant occurredAt) implements EmergencyEvent {
    }

    record Closed(Instant occurredAt) implements EmergencyEvent {
    }
}
