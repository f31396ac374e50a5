package org.zhenwu.fleet.vehicle;

import java.time.Instant;
import java.util.UUID;

/** What happened to a vehicle, inside fleet-service. {@link VehicleService} turns these into contract events. */
sealed interface VehicleEvent {
    record Registered(UUID vehicleId, Instant occurredAt) implements VehicleEvent {
    }

    record StatusChanged(UUID vehicleId, VehicleStatus from, VehicleStatus to, Instant occurredAt) implements VehicleEvent {
    }
}
