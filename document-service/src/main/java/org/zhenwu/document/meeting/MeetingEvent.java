package org.zhenwu.document.meeting;

import java.time.Instant;
import java.util.UUID;

/** What happened to a meeting, inside document-service. */
sealed interface MeetingEvent {
    UUID meetingId();

    Instant occurredAt();

    /** The meeting needs transport, for its current time (planned or rescheduled). */
    record TransportRequested(UUID meetingId, Instant occurredAt) implements MeetingEvent {
    }

    record Cancelled(UUID meetingId, String reason, Instant occurredAt) implements MeetingEvent {
    }
}
