package org.zhenwu.contracts.document.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * A contract's performance ended: fully performed (履行完毕) or terminated early (解除/终止, with the reason). Topic
 * {@value DocumentTopics#CONTRACT_EVENTS}, key contractId. Archives file it; finance closes its commitments.
 * Evolve additively only (new nullable fields); anything else is a new v2 type.
 *
 * @param outcome {@link #COMPLETED} or {@link #TERMINATED}
 * @param reason  why it was terminated; null when completed
 */
public record ContractClosed(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction, UUID contractId,
                             String registerNumber, String title, String signingUnit, String outcome,
                             LocalDate closedOn, String reason) implements IntegrationEvent {
    public static final String TYPE = "document.ContractClosed";
    public static final String COMPLETED = "COMPLETED";
    public static final String TERMINATED = "TERMINATED";

    public ContractClosed {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(outcome, "outcome");
    }

    public static ContractClosed of(String jurisdiction, UUID contractId, String registerNumber, String title,
                                    String signingUnit, String outcome, LocalDate closedOn, String reason, Instant at) {
        return new ContractClosed(UUID.randomUUID(), 1, at, jurisdiction, contractId, registerNumber, title,
                signingUnit, outcome, closedOn, reason);
    }
}
