package org.zhenwu.servicehall.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What happened to an application, inside service-hall-service. {@link ApplicationService} turns these into contract events. */
sealed interface ApplicationEvent {
    UUID applicationId();

    Instant occurredAt();

    /** 一次性告知: one notice naming every missing material. */
    record NoticeIssued(UUID applicationId, List<String> missing, Instant occurredAt) implements ApplicationEvent {
    }

    record Accepted(UUID applicationId, Instant occurredAt) implements ApplicationEvent {
    }

    record Decided(UUID applicationId, ApplicationOutcome outcome, Instant occurredAt) implements ApplicationEvent {
    }

    record Completed(UUID applicationId, boolean onTime, int workingDays, Instant occurredAt) implements ApplicationEvent {
    }

    record Delivered(UUID applicationId, DeliveryMethod method, Instant occurredAt) implements ApplicationEvent {
    }

    record Warned(UUID applicationId, ClockWarning level, Instant occurredAt) implements ApplicationEvent {
    }

    record Withdrawn(UUID applicationId, String reason, Instant occurredAt) implements ApplicationEvent {
    }
}
