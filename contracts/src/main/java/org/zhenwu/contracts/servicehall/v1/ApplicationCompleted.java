package org.zhenwu.contracts.servicehall.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * An application (办件) was completed (办结): the department's decision is made and its result ready; the clock
 * stopped. Counts towards a town's 办结量 and on-time rate. Topic {@value ServiceHallTopics#APPLICATION_EVENTS},
 * key applicationId. Evolve additively only (new nullable fields); anything else is a new v2 type.
 *
 * @param outcome     APPROVED (准予) or REJECTED (不予, with a legal basis)
 * @param workingDays working days from {@code acceptedOn} to {@code completedOn} (0 = the same day)
 * @param onTime      completed by {@code dueDate}, the promised limit (承诺时限)
 */
public record ApplicationCompleted(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction,
                                   UUID applicationId, String applicationNumber, UUID matterId, String matterCode,
                                   String department, String outcome, LocalDate acceptedOn, LocalDate dueDate,
                                   LocalDate completedOn, int workingDays, boolean onTime) implements IntegrationEvent {
    public static final String TYPE = "service-hall.ApplicationCompleted";

    public ApplicationCompleted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(applicationId, "applicationId");
    }

    public static ApplicationCompleted of(String jurisdiction, UUID applicationId, String applicationNumber,
                                          UUID matterId, String matterCode, String department, String outcome,
                                          LocalDate acceptedOn, LocalDate dueDate, LocalDate completedOn,
                                          int workingDays, boolean onTime, Instant at) {
        return new ApplicationCompleted(UUID.randomUUID(), 1, at, jurisdiction, applicationId, applicationNumber,
                matterId, matterCode, department, outcome, acceptedOn, dueDate, completedOn, workingDays, onTime);
    }
}
