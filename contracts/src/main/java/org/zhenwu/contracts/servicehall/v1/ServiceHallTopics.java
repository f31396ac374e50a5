package org.zhenwu.contracts.servicehall.v1;

/** Topics published by service-hall-service. Key: the aggregate id. */
public final class ServiceHallTopics {
    /** Lifecycle events of a matter (事项) in a town's catalogue. */
    public static final String MATTER_EVENTS = "service-hall.matter.v1";
    /** Lifecycle events of an application (办件): accepted, clock warnings, completed, rated. Key: application id. */
    public static final String APPLICATION_EVENTS = "service-hall.application.v1";

    private ServiceHallTopics() {
    }
}
