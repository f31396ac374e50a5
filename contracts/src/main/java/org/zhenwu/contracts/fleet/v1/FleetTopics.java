package org.zhenwu.contracts.fleet.v1;

/** Topics published by fleet-service. Key: the aggregate id. */
public final class FleetTopics {
    /** Lifecycle events of an official vehicle (公务用车). */
    public static final String VEHICLE_EVENTS = "fleet.vehicle.v1";
    /** Lifecycle events of a trip (出车): approved, dispatched, completed. Key: the trip id. */
    public static final String TRIP_EVENTS = "fleet.trip.v1";
    /** Alerts on a vehicle's use (over-tank refuel, consumption off the norm, odometer, holiday use, expiries). Key: the alert id. */
    public static final String ALERT_EVENTS = "fleet.alert.v1";

    private FleetTopics() {
    }
}
