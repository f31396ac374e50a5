package org.zhenwu.document.archive;

/** 借阅: requested → approved by the office (or refused) → lent → returned. The one table of allowed moves. */
public enum LoanStatus {
    REQUESTED, APPROVED, REFUSED, LENT, RETURNED;

    public boolean canMoveTo(LoanStatus next) {
        return switch (this) {
            case REQUESTED -> next == APPROVED || next == REFUSED;
            case APPROVED -> next == LENT;
            case LENT -> next == RETURNED;
            case REFUSED, RETURNED -> false;
        };
    }
}
