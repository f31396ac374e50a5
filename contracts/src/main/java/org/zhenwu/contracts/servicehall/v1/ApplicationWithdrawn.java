package org.zhenwu.contracts.servicehall.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * The applicant withdrew (撤回) an application before a decision; withdrawn applications leave the hall's 受理量.
 * Topic {@value ServiceHallTopics#APPLICATION_EVENTS}, key applicationId (after its {@link ApplicationAccepted}, on the
 * same partition). Evolve additively only (new nullable fields); anything else is a new v2 type.
 *
 * @param department the deciding department, as in {@link ApplicationAccepted#department()}
 * @param acceptedOn the date it was accepted, as in {@link ApplicationAccepted#acceptedOn()}; null when it was
 *                   withdrawn while still waiting for 补正, never accepted and never counted
 * @param reason     the applicant's reason, as the window recorded it
 */
public record ApplicationWithdrawn(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction,
                                   UUID applicationId, String applicationNumber, String department, LocalDate acceptedOn,
                                   String reason) implements IntegrationEvent {
    public static final String TYPE = "service-hall.ApplicationWithdrawn";

    public ApplicationWithdrawn {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(applicationId, "applicationId");
    }

    public static ApplicationWithdrawn of(String jurisdiction, UUID applicationId, String applicationNumber,
                                          String department, LocalDate acceptedOn, String reason, Instant at) {
        return new ApplicationWithdrawn(UUID.randomUUID(), 1, at, jurisdiction, applicationId, applicationNumber,
                department, acceptedOn, reason);
    }
}
