package org.zhenwu.contracts.servicehall.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * An application's working-day clock turned YELLOW (its promised limit is near) or RED (overdue, 超期). Each level is
 * announced once per application. Topic {@value ServiceHallTopics#APPLICATION_EVENTS}, key applicationId.
 * Evolve additively only (new nullable fields); anything else is a new v2 type.
 *
 * @param level YELLOW or RED
 */
public record ApplicationClockWarned(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction,
                                     UUID applicationId, String applicationNumber, String matterCode, String department,
                                     String level, LocalDate dueDate) implements IntegrationEvent {
    public static final String TYPE = "service-hall.ApplicationClockWarned";

    public ApplicationClockWarned {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(applicationId, "applicationId");
    }

    public static ApplicationClockWarned of(String jurisdiction, UUID applicationId, String applicationNumber,
                                            String matterCode, String department, String level, LocalDate dueDate,
                                            Instant at) {
        return new ApplicationClockWarned(UUID.randomUUID(), 1, at, jurisdiction, applicationId, applicationNumber,
                matterCode, department, level, dueDate);
    }
}
