package org.zhenwu.contracts.fleet.v1;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * A trip request (用车申请) was approved by the office and waits for a vehicle and a driver. Topic
 * {@value FleetTopics#TRIP_EVENTS}, key tripId. Evolve additively only (new nullable fields); anything else is a new v2 type.
 *
 * @param requester    the requester's user id
 * @param purpose      the reason for the trip (事由)
 * @param destination  where it goes
 * @param plannedStart the booked window's start
 * @param plannedEnd   the booked window's end
 * @param holidayUse   the window touches a sealed day (节假日); then the approval was a special one by a leader
 * @param approvedBy   the approver's user id
 */
public record TripApproved(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction, UUID tripId,
                           String requester, String purpose, String destination, Instant plannedStart,
                           Instant plannedEnd, boolean holidayUse, String approvedBy) implements IntegrationEvent {
    public static final String TYPE = "fleet.TripApproved";

    public TripApproved {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(tripId, "tripId");
    }

    public static TripApproved of(String jurisdiction, UUID tripId, String requester, String purpose, String destination,
                                  Instant plannedStart, Instant plannedEnd, boolean holidayUse, String approvedBy,
                                  Instant at) {
        return new TripApproved(UUID.randomUUID(), 1, at, jurisdiction, tripId, requester, purpose, destination,
                plannedStart, plannedEnd, holidayUse, approvedBy);
    }
}
