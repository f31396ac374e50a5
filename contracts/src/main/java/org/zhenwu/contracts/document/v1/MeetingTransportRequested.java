package org.zhenwu.contracts.document.v1;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * A meeting (会议) the office plans needs transport (会议用车): fleet-service opens a trip request for it, waiting for
 * the usual approval, with the meeting as its purpose. Topic {@value DocumentTopics#MEETING_EVENTS}, key meetingId.
 * Published when the meeting is planned with transport, and again with a new eventId when it is rescheduled (the
 * consumer keeps one request per meeting). Evolve additively only (new nullable fields); anything else is a new v2
 * type.
 *
 * @param meetingType    e.g. PARTY_COMMITTEE (党委会), WORK_MEETING (工作会议)
 * @param pickupPlace    where the passengers are picked up
 * @param destination    where the meeting is held
 * @param startsAt       pick-up time (the meeting's start)
 * @param endsAt         the meeting's end
 * @param passengers     the named passengers, possibly fewer than {@code passengerCount}
 * @param passengerCount how many ride, from 1
 * @param contactName    who the driver calls (会务联系人)
 * @param contactPhone   nullable
 */
public record MeetingTransportRequested(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction,
                                        UUID meetingId, String title, String meetingType, String pickupPlace,
                                        String destination, Instant startsAt, Instant endsAt, List<String> passengers,
                                        int passengerCount, String contactName, String contactPhone)
        implements IntegrationEvent {
    public static final String TYPE = "document.MeetingTransportRequested";

    public MeetingTransportRequested {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        passengers = passengers == null ? List.of() : List.copyOf(passengers);
    }

    public static MeetingTransportRequested of(String jurisdiction, UUID meetingId, String title, String meetingType,
                                               String pickupPlace, String destination, Instant startsAt, Instant endsAt,
                                               List<String> passengers, int passengerCount, String contactName,
                                               String contactPhone, Instant at) {
        return new MeetingTransportRequested(UUID.randomUUID(), 1, at, jurisdiction, meetingId, title, meetingType,
                pickupPlace, destination, startsAt, endsAt, passengers, passengerCount, contactName, contactPhone);
    }
}
