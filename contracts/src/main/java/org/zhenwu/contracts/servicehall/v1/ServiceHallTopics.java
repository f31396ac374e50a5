package org.zhenwu.contracts.servicehall.v1;

/** Topics published by service-hall-service. Key: the aggregate id. */
public final class ServiceHallTopics {
    /** Lifecycle events of a matter (事项) in a town's catalogue. */
    public static final String MATTER_EVENTS = "service-hall.matter.v1";

    private ServiceHallTopics() {
    }
}
