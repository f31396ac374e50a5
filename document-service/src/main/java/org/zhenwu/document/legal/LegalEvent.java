package org.zhenwu.document.legal;

import java.time.Instant;
import java.time.LocalDate;

/** What happened to a legal record, inside document-service. */
sealed interface LegalEvent {
    Instant occurredAt();

    record ReviewConcluded(LegalityOutcome outcome, LocalDate concludedOn, Instant occurredAt) implements LegalEvent {
    }

    record OpinionIssued(LocalDate issuedOn, Instant occurredAt) implements LegalEvent {
    }

    record CaseClosed(CaseOutcome outcome, LocalDate closedOn, Instant occurredAt) implements LegalEvent {
    }
}
