package org.zhenwu.document.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A loan (借阅); {@code overdue}: lent and past its due date today. */
public record LoanView(UUID id, String town, UUID itemId, String archiveCode, String borrower, String purpose,
                       LocalDate dueDate, LoanStatus status, boolean overdue, String requestedBy, Instant requestedAt,
                       String decidedBy, Instant decidedAt, String refusal, String lentBy, Instant lentAt,
                       Instant returnedAt) {
    static LoanView of(ArchiveLoan l, String archiveCode, LocalDate today) {
        return new LoanView(l.id(), l.townCode(), l.itemId(), archiveCode, l.borrower(), l.purpose(), l.dueDate(),
                l.status(), l.overdue(today), l.requestedBy(), l.requestedAt(), l.decidedBy(), l.decidedAt(),
                l.refusal(), l.lentBy(), l.lentAt(), l.returnedAt());
    }
}
