package org.zhenwu.document.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.zhenwu.platform.web.IllegalTransitionException;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A loan (借阅) of one archive item: who borrows it, why, until when. While LENT it holds the item in
 * {@code lentItemId}, which the table keeps unique: one item is out to one borrower at a time.
 */
@Entity
@Table(name = "archive_loan")
class ArchiveLoan {
    @Id
    private UUID id;
    private String townCode;
    private UUID itemId;
    private String borrower;
    private String purpose;
    private LocalDate dueDate;
    @Enumerated(EnumType.STRING)
    private LoanStatus status;
    private UUID lentItemId;
    private String requestedBy;
    private Instant requestedAt;
    private String decidedBy;
    private Instant decidedAt;
    private String refusal;
    private String lentBy;
    private Instant lentAt;
    private Instant returnedAt;
    @Version
    private long version;

    protected ArchiveLoan() {
        // for JPA
    }

    static ArchiveLoan request(UUID id, String town, UUID itemId, String borrower, String purpose, LocalDate due,
                               String by, Instant now) {
        ArchiveLoan l = new ArchiveLoan();
        l.id = id;
        l.townCode = town;
        l.itemId = itemId;
        l.borrower = borrower;
        l.purpose = purpose;
        l.dueDate = due;
        l.status = LoanStatus.REQUESTED;
        l.requestedBy = by;
        l.requestedAt = now;
        return l;
    }

    void approve(String by, Instant now) {
        moveTo(LoanStatus.APPROVED);
        decidedBy = by;
        decidedAt = now;
    }

    void refuse(String reason, String by, Instant now) {
        moveTo(LoanStatus.REFUSED);
        decidedBy = by;
        decidedAt = now;
        refusal = reason;
    }

    void lend(String by, Instant now) {
        moveTo(LoanStatus.LENT);
        lentItemId = itemId;
        lentBy = by;
        lentAt = now;
    }

    void giveBack(Instant now) {
        moveTo(LoanStatus.RETURNED);
        lentItemId = null;
        returnedAt = now;
    }

    /** Out past its due date. */
    boolean overdue(LocalDate today) {
        return status == LoanStatus.LENT && today.isAfter(dueDate);
    }

    private void moveTo(LoanStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("Archive loan", id, status, next);
        }
        status = next;
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    UUID itemId() { return itemId; }
    String borrower() { return borrower; }
    String purpose() { return purpose; }
    LocalDate dueDate() { return dueDate; }
    LoanStatus status() { return status; }
    String requestedBy() { return requestedBy; }
    Instant requestedAt() { return requestedAt; }
    String decidedBy() { return decidedBy; }
    Instant decidedAt() { return decidedAt; }
    String refusal() { return refusal; }
    String lentBy() { return lentBy; }
    Instant lentAt() { return lentAt; }
    Instant returnedAt() { return returnedAt; }
}
