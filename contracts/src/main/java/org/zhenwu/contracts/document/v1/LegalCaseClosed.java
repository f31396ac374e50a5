package org.zhenwu.contracts.document.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * A case handled by the town's counsel (代理案件: litigation, reconsideration, arbitration) was closed (结案). Topic
 * {@value DocumentTopics#LEGAL_EVENTS}, key caseId.
 * Evolve additively only (new nullable fields); anything else is a new v2 type.
 *
 * @param caseNumber the 案号 the case was registered under
 * @param kind       ADMINISTRATIVE_LITIGATION 行政诉讼, CIVIL_LITIGATION 民事诉讼,
 *                   ADMINISTRATIVE_RECONSIDERATION 行政复议, ARBITRATION 仲裁
 * @param ourRole    PLAINTIFF, DEFENDANT, THIRD_PARTY, APPLICANT, RESPONDENT
 * @param outcome    WON, LOST, PARTLY_WON, SETTLED, WITHDRAWN
 */
public record LegalCaseClosed(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction, UUID caseId,
                              String caseNumber, String kind, String ourRole, String court, String outcome,
                              LocalDate closedOn) implements IntegrationEvent {
    public static final String TYPE = "document.LegalCaseClosed";

    public LegalCaseClosed {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(outcome, "outcome");
    }

    public static LegalCaseClosed of(String jurisdiction, UUID caseId, String caseNumber, String kind, String ourRole,
                                     String court, String outcome, LocalDate closedOn, Instant at) {
        return new LegalCaseClosed(UUID.randomUUID(), 1, at, jurisdiction, caseId, caseNumber, kind, ourRole, court,
                outcome, closedOn);
    }
}
