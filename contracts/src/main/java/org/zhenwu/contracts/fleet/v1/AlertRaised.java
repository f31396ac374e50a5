package org.zhenwu.contracts.fleet.v1;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * fleet-service noticed something in a vehicle's use that the office must look at. Topic
 * {@value FleetTopics#ALERT_EVENTS}, key alertId. Evolve additively only (new nullable fields, new kinds: consumers
 * treat an unknown kind as a generic alert); anything else is a new v2 type.
 *
 * @param kind      OVER_TANK, CONSUMPTION_OFF_NORM, ODOMETER_BACKWARDS, ODOMETER_JUMP, HOLIDAY_USE_WITHOUT_APPROVAL,
 *                  REFUEL_WITHOUT_TRIP, LICENCE_EXPIRING, INSURANCE_EXPIRING
 * @param vehicleId the vehicle concerned, if any
 * @param tripId    the trip concerned, if any
 * @param driverId  the driver concerned, if any
 * @param detail    what was seen, in words (Chinese), with the figures
 */
public record AlertRaised(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction, UUID alertId,
                          String kind, UUID vehicleId, UUID tripId, UUID driverId, String detail)
        implements IntegrationEvent {
    public static final String TYPE = "fleet.AlertRaised";

    public AlertRaised {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(kind, "kind");
    }

    public static AlertRaised of(String jurisdiction, UUID alertId, String kind, UUID vehicleId, UUID tripId,
                                 UUID driverId, String detail, Instant at) {
        return new AlertRaised(UUID.randomUUID(), 1, at, jurisdiction, alertId, kind, vehicleId, tripId, driverId, detail);
    }
}
