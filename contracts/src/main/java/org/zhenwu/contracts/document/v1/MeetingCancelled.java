package org.zhenwu.contracts.document.v1;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * A planned or notified meeting (会议) was cancelled; its room is free again. Topic
 * {@value DocumentTopics#MEETING_EVENTS}, key meetingId. fleet-service cancels the meeting's trip request if it is
 * still waiting for approval. Evolve additively only (new nullable fields); anything else is a new v2 type.
 *
 * @param transportRequested whether a {@link MeetingTransportRequested} was published for the meeting
 */
public record MeetingCancelled(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction, UUID meetingId,
                               String title, String reason, boolean transportRequested) implements IntegrationEvent {
    public static final String TYPE = "document.MeetingCancelled";

    public MeetingCancelled {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(meetingId, "meetingId");
    }

    public static MeetingCancelled of(String jurisdiction, UUID meetingId, String title, String reason,
                                      boolean transportRequested, Instant at) {
        return new MeetingCancelled(UUID.randomUUID(), 1, at, jurisdiction, meetingId, title, reason,
                transportRequested);
    }
}
