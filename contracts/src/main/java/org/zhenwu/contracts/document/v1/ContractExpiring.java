package org.zhenwu.contracts.document.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * A signed contract's term ends soon (合同到期提醒): published once per contract, a configured number of days
 * (default 30) before its end date, so the signing unit can renew, re-tender or wind it up. Topic
 * {@value DocumentTopics#CONTRACT_EVENTS}, key contractId.
 * Evolve additively only (new nullable fields); anything else is a new v2 type.
 *
 * @param termEnd  the contract's last day
 * @param daysLeft calendar days from the reminder's day to {@code termEnd} (0 = ends today)
 */
public record ContractExpiring(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction, UUID contractId,
                               String registerNumber, String title, String signingUnit, String counterpartyName,
                               LocalDate termEnd, int daysLeft) implements IntegrationEvent {
    public static final String TYPE = "document.ContractExpiring";

    public ContractExpiring {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(termEnd, "termEnd");
    }

    public static ContractExpiring of(String jurisdiction, UUID contractId, String registerNumber, String title,
                                      String signingUnit, String counterpartyName, LocalDate termEnd, int daysLeft,
                                      Instant at) {
        return new ContractExpiring(UUID.randomUUID(), 1, at, jurisdiction, contractId, registerNumber, title,
                signingUnit, counterpartyName, termEnd, daysLeft);
    }
}
