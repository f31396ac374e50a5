package org.zhenwu.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * An integration event: a fact one service publishes for others. Every event names the town
 * (jurisdiction) it belongs to, so consumers can keep per-town read models without calling back.
 * The wire name is the implementing record's {@code TYPE} constant, never its Java class name.
 */
public interface IntegrationEvent {
    UUID eventId();

    int eventVersion();

    Instant occurredAt();

    /** Town code (e.g. {@code 440606104}) the aggregate belongs to. */
    String jurisdiction();
}
