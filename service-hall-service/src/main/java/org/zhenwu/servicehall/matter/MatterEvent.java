package org.zhenwu.servicehall.matter;

import java.time.Instant;
import java.util.UUID;

/** What happened to a matter, inside service-hall-service. {@link MatterService} turns these into contract events. */
sealed interface MatterEvent {
    record Drafted(UUID matterId, Instant occurredAt) implements MatterEvent {
    }

    record Published(UUID matterId, Instant occurredAt) implements MatterEvent {
    }

    record Suspended(UUID matterId, String reason, Instant occurredAt) implements MatterEvent {
    }

    record Withdrawn(UUID matterId, String reason, Instant occurredAt) implements MatterEvent {
    }
}
