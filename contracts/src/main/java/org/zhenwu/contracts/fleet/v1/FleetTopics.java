package org.zhenwu.contracts.fleet.v1;

/** Topics published by fleet-service. Key: the aggregate id. */
public final class FleetTopics {
    /** Lifecycle events of an official vehicle (公务用车). */
    public static final String VEHICLE_EVENTS = "fleet.vehicle.v1";

    private FleetTopics() {
    }
}
