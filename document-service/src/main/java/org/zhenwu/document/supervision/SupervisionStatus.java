package org.zhenwu.document.supervision;

/**
 * 督办: assigned to an owner department → taken on → evidence submitted → accepted as done by the office; back to
 * ASSIGNED when its origin assigns it to someone else (改派). The one table of allowed moves; reminders and overdue
 * escalation are flags, not statuses.
 */
public enum SupervisionStatus {
    /** opened and assigned to the owner department (责任单位) */
    ASSIGNED,
    /** the owner department took it on */
    IN_PROGRESS,
    /** the department reported it done, with evidence; the office checks */
    SUBMITTED,
    /** the office accepted the evidence: 办结 */
    COMPLETED,
    /** withdrawn (the matter fell away) */
    CANCELLED;

    public boolean canMoveTo(SupervisionStatus next) {
        return switch (this) {
            case ASSIGNED -> next == IN_PROGRESS || next == CANCELLED;
            case IN_PROGRESS -> next == SUBMITTED || next == ASSIGNED || next == CANCELLED;
            case SUBMITTED -> next == COMPLETED || next == IN_PROGRESS || next == ASSIGNED;
            case COMPLETED, CANCELLED -> false;
        };
    }

    public boolean open() {
        return this == ASSIGNED || this == IN_PROGRESS || this == SUBMITTED;
    }
}
