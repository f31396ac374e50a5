package org.zhenwu.document.archive;

/** 销毁: appraisal request → a town leader approves (or rejects) → destroyed. Nothing is destroyed unapproved. */
public enum DestructionStatus {
    REQUESTED, APPROVED, REJECTED, DESTROYED;

    public boolean canMoveTo(DestructionStatus next) {
        return switch (this) {
            case REQUESTED -> next == APPROVED || next == REJECTED;
            case APPROVED -> next == DESTROYED;
            case REJECTED, DESTROYED -> false;
        };
    }
}
