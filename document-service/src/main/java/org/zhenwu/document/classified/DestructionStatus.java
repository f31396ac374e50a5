package org.zhenwu.document.classified;

/** 销毁: requested by the office, approved by a leader, carried out and entered in the register. */
public enum DestructionStatus {
    PENDING, APPROVED, REFUSED, DESTROYED;

    public boolean canMoveTo(DestructionStatus next) {
        return switch (this) {
            case PENDING -> next == APPROVED || next == REFUSED;
            case APPROVED -> next == DESTROYED;
            case REFUSED, DESTROYED -> false;
        };
    }
}
