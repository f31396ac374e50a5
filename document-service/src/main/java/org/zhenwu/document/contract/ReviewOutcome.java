package org.zhenwu.document.contract;

/** How counsel concluded a contract's legal review (法制审核意见). */
public enum ReviewOutcome {
    /** 同意 */
    APPROVED,
    /** 修改后同意: may be signed once the changes are made */
    APPROVED_WITH_CHANGES,
    /** 不同意: back to the drafter for revision */
    REJECTED;

    /** The contract may be signed. */
    public boolean passing() {
        return this != REJECTED;
    }
}
