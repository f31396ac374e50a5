package org.zhenwu.contracts.fleet.v1;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * A trip came back and its cost was settled (结算): one line of the published trip log and of the annual
 * summary's vehicle figures. Topic {@value FleetTopics#TRIP_EVENTS}, key tripId. Evolve additively only
 * (new nullable fields); anything else is a new v2 type.
 *
 * @param vehicleClass CONFIDENTIAL_COMMUNICATION, EMERGENCY_SUPPORT, LAW_ENFORCEMENT, SPECIALIZED_TECHNICAL, GENERAL_OFFICIAL
 * @param distanceKm   return odometer minus departure odometer
 * @param fuelLitres   fuel used on the trip (reported, or estimated from the vehicle's norm)
 * @param costYuan     fuel + tolls + parking + other costs of the trip, in yuan
 * @param holidayUse   the trip touched a sealed day (节假日)
 */
public record TripCompleted(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction, UUID tripId,
                            UUID vehicleId, String plate, String vehicleClass, String purpose, String destination,
                            Instant departedAt, Instant returnedAt, long distanceKm, BigDecimal fuelLitres,
                            BigDecimal costYuan, boolean holidayUse) implements IntegrationEvent {
    public static final String TYPE = "fleet.TripCompleted";

    public TripCompleted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(tripId, "tripId");
        Objects.requireNonNull(vehicleId, "vehicleId");
    }

    public static TripCompleted of(String jurisdiction, UUID tripId, UUID vehicleId, String plate, String vehicleClass,
                                   String purpose, String destination, Instant departedAt, Instant returnedAt,
                                   long distanceKm, BigDecimal fuelLitres, BigDecimal costYuan, boolean holidayUse,
                                   Instant at) {
        return new TripCompleted(UUID.randomUUID(), 1, at, jurisdiction, tripId, vehicleId, plate, vehicleClass, purpose,
                destination, departedAt, returnedAt, distanceKm, fuelLitres, costYuan, holidayUse);
    }
}
