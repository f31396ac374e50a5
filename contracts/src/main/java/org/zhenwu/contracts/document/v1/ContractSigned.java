package org.zhenwu.contracts.document.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * A contract (合同) was signed after a passing legal review. Topic {@value DocumentTopics#CONTRACT_EVENTS}, key
 * contractId. Carries what finance, archives and the annual report need without calling back.
 * Evolve additively only (new nullable fields); anything else is a new v2 type.
 *
 * @param registerNumber         the town's contract register number, e.g. {@code 合同〔2019〕12号}
 * @param contractType           PROCUREMENT 采购, CONSTRUCTION 工程, SERVICE 服务, LEASE 租赁, COOPERATION 合作, OTHER
 * @param counterpartyCreditCode the counterparty's 统一社会信用代码 (18 characters), null for a natural person
 * @param amountFen              the contract amount in 分 (0.01 元)
 * @param signingUnit            the department that signed and performs it (签约单位)
 * @param reviewOutcome          the passing review's outcome: APPROVED or APPROVED_WITH_CHANGES
 */
public record ContractSigned(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction, UUID contractId,
                             String registerNumber, String title, String contractType, String counterpartyName,
                             String counterpartyCreditCode, long amountFen, LocalDate termStart, LocalDate termEnd,
                             String signingUnit, LocalDate signedOn, String reviewOutcome) implements IntegrationEvent {
    public static final String TYPE = "document.ContractSigned";

    public ContractSigned {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(signedOn, "signedOn");
    }

    public static ContractSigned of(String jurisdiction, UUID contractId, String registerNumber, String title,
                                    String contractType, String counterpartyName, String counterpartyCreditCode,
                                    long amountFen, LocalDate termStart, LocalDate termEnd, String signingUnit,
                                    LocalDate signedOn, String reviewOutcome, Instant at) {
        return new ContractSigned(UUID.randomUUID(), 1, at, jurisdiction, contractId, registerNumber, title,
                contractType, counterpartyName, counterpartyCreditCode, amountFen, termStart, termEnd, signingUnit,
                signedOn, reviewOutcome);
    }
}
