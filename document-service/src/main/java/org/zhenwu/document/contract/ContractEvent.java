package org.zhenwu.document.contract;

import java.time.Instant;
import java.time.LocalDate;

/** What happened to a contract, inside document-service. */
sealed interface ContractEvent {
    Instant occurredAt();

    record Reviewed(int round, String reviewer, ReviewOutcome outcome, LocalDate reviewedOn, Instant occurredAt)
            implements ContractEvent {
    }

    record Signed(LocalDate signedOn, Instant occurredAt) implements ContractEvent {
    }

    record Closed(ContractStatus outcome, LocalDate closedOn, String reason, Instant occurredAt)
            implements ContractEvent {
    }

    record Expiring(LocalDate termEnd, int daysLeft, Instant occurredAt) implements ContractEvent {
    }
}
