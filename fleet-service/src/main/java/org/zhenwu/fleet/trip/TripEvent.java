package org.zhenwu.fleet.trip;

import java.time.Instant;
import java.util.UUID;

/** What happened to a trip, inside fleet-service. {@link TripService} turns some into contract events. */
sealed interface TripEvent {
    UUID tripId();

    Instant occurredAt();

    record Requested(UUID tripId, Instant occurredAt) implements TripEvent {
    }

    record Approved(UUID tripId, String approvedBy, Instant occurredAt) implements TripEvent {
    }

    record Rejected(UUID tripId, String reason, Instant occurredAt) implements TripEvent {
    }

    record Dispatched(UUID tripId, UUID vehicleId, UUID driverId, Instant occurredAt) implements TripEvent {
    }

    record Changed(UUID tripId, String reason, Instant occurredAt) implements TripEvent {
    }

    record Cancelled(UUID tripId, String reason, Instant occurredAt) implements TripEvent {
    }

    record Departed(UUID tripId, long odometerKm, Instant occurredAt) implements TripEvent {
    }

    record Returned(UUID tripId, long distanceKm, Instant occurredAt) implements TripEvent {
    }

    record Completed(UUID tripId, Instant occurredAt) implements TripEvent {
    }
}
