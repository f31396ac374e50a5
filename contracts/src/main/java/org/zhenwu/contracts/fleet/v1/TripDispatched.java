package org.zhenwu.contracts.fleet.v1;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * A vehicle and a driver were booked for an approved trip (派车), or the booking was changed (改派: a later event
 * for the same trip replaces the earlier one). Topic {@value FleetTopics#TRIP_EVENTS}, key tripId. Evolve additively
 * only (new nullable fields); anything else is a new v2 type.
 *
 * @param plate      the vehicle's plate in compact form (粤X12345)
 * @param driverName the driver's name, for the requester's notice
 */
public record TripDispatched(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction, UUID tripId,
                             UUID vehicleId, String plate, UUID driverId, String driverName, Instant plannedStart,
                             Instant plannedEnd) implements IntegrationEvent {
    public static final String TYPE = "fleet.TripDispatched";

    public TripDispatched {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(tripId, "tripId");
        Objects.requireNonNull(vehicleId, "vehicleId");
        Objects.requireNonNull(driverId, "driverId");
    }

    public static TripDispatched of(String jurisdiction, UUID tripId, UUID vehicleId, String plate, UUID driverId,
                                    String driverName, Instant plannedStart, Instant plannedEnd, Instant at) {
        return new TripDispatched(UUID.randomUUID(), 1, at, jurisdiction, tripId, vehicleId, plate, driverId, driverName,
                plannedStart, plannedEnd);
    }
}
