package org.zhenwu.contracts.document.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * A contract's legal review (合同法制审核) was concluded by a reviewer who is not its drafter. Topic
 * {@value DocumentTopics#CONTRACT_EVENTS}, key contractId. A rejected contract goes back to its drafter and may be
 * reviewed again: each round is one event, {@code round} counting from 1.
 * Evolve additively only (new nullable fields); anything else is a new v2 type.
 *
 * @param registerNumber the town's contract register number, e.g. {@code 合同〔2019〕12号}
 * @param signingUnit    the department that will sign and perform it (签约单位)
 * @param outcome        {@link #APPROVED}, {@link #APPROVED_WITH_CHANGES} or {@link #REJECTED}
 * @param reviewedOn     the day the review was concluded (Asia/Shanghai)
 */
public record ContractReviewed(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction, UUID contractId,
                               String registerNumber, String title, String signingUnit, int round, String reviewer,
                               String outcome, LocalDate reviewedOn) implements IntegrationEvent {
    public static final String TYPE = "document.ContractReviewed";
    public static final String APPROVED = "APPROVED";
    public static final String APPROVED_WITH_CHANGES = "APPROVED_WITH_CHANGES";
    public static final String REJECTED = "REJECTED";

    public ContractReviewed {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(outcome, "outcome");
    }

    public static ContractReviewed of(String jurisdiction, UUID contractId, String registerNumber, String title,
                                      String signingUnit, int round, String reviewer, String outcome,
                                      LocalDate reviewedOn, Instant at) {
        return new ContractReviewed(UUID.randomUUID(), 1, at, jurisdiction, contractId, registerNumber, title,
                signingUnit, round, reviewer, outcome, reviewedOn);
    }
}
