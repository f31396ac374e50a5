package org.zhenwu.document.contract;

/**
 * Where a contract stands. Drafted, reviewed by counsel (法制审核: a rejection sends it back to the drafter), signed,
 * performed, then completed (履行完毕) or terminated (解除/终止).
 */
public enum ContractStatus {
    /** drafted or sent back for revision (起草) */
    DRAFT,
    /** legal review requested (提请法制审核) */
    UNDER_REVIEW,
    /** the review passed (APPROVED or APPROVED_WITH_CHANGES) */
    REVIEWED,
    /** signed (签订) */
    SIGNED,
    /** being performed (履行中) */
    IN_PERFORMANCE,
    /** fully performed (履行完毕) */
    COMPLETED,
    /** ended early, with a reason (解除/终止) */
    TERMINATED;

    public boolean canMoveTo(ContractStatus next) {
        return switch (this) {
            case DRAFT -> next == UNDER_REVIEW;
            case UNDER_REVIEW -> next == REVIEWED || next == DRAFT;
            case REVIEWED -> next == SIGNED;
            case SIGNED -> next == IN_PERFORMANCE || next == TERMINATED;
            case IN_PERFORMANCE -> next == COMPLETED || next == TERMINATED;
            case COMPLETED, TERMINATED -> false;
        };
    }

    /** Completed or terminated: nothing more happens to it. */
    public boolean closed() {
        return this == COMPLETED || this == TERMINATED;
    }
}
