package org.zhenwu.contracts;

/** Kafka record header names every producer sets and every consumer may read. */
public final class EventHeaders {
    /** The event's wire type, e.g. {@code hotline.WorkOrderCreated}. */
    public static final String EVENT_TYPE = "event-type";
    /** The event's UUID; consumers deduplicate on it. */
    public static final String EVENT_ID = "event-id";
    /** The HTTP request's correlation id that caused the event, when there was one. */
    public static final String CORRELATION_ID = "correlation-id";

    private EventHeaders() {
    }
}
