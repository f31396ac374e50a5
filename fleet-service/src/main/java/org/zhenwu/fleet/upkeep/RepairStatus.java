package org.zhenwu.fleet.upkeep;

/** A repair above the approval threshold waits for a leader; below it, it is approved as recorded. */
public enum RepairStatus {
    PENDING_APPROVAL,
    APPROVED,
    REJECTED;

    public boolean canMoveTo(RepairStatus next) {
        return this == PENDING_APPROVAL && (next == APPROVED || next == REJECTED);
    }
}
