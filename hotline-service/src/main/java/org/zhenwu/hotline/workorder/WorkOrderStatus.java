package org.zhenwu.hotline.workorder;

/**
 * The 12345 loop: 受理 → 派单 → 签收 → 回复 → (回访) → 办结, with 退单/改派, 重办 and 并单.
 * The one table of allowed moves; {@link WorkOrder} never changes status any other way.
 */
public enum WorkOrderStatus {
    /** 受理: taken in by an agent. */
    ACCEPTED,
    /** 派单: sent to a department. */
    DISPATCHED,
    /** 签收: the department took it. */
    SIGNED,
    /** 退单: the department returned it as not its remit; waits for 改派. */
    RETURNED,
    /** 回复: the department answered; waits for the return visit. */
    REPLIED,
    /** 重办: the caller was dissatisfied at the return visit; goes to a department again. */
    REOPENED,
    /** 办结. */
    CLOSED,
    /** 并单: merged into an earlier order on the same matter. */
    MERGED;

    public boolean canMoveTo(WorkOrderStatus next) {
        return switch (this) {
            case ACCEPTED -> next == DISPATCHED || next == CLOSED || next == MERGED;
            case DISPATCHED -> next == SIGNED || next == RETURNED;
            case SIGNED -> next == REPLIED || next == RETURNED;
            case RETURNED -> next == DISPATCHED || next == MERGED;
            case REPLIED -> next == CLOSED || next == REOPENED;
            case REOPENED -> next == DISPATCHED || next == SIGNED;
            case CLOSED, MERGED -> false;
        };
    }

    public boolean isOpen() {
        return this != CLOSED && this != MERGED;
    }
}
