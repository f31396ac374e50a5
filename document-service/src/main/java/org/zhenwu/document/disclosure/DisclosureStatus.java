package org.zhenwu.document.disclosure;

/**
 * 政务公开: 起草 → 送审 → 保密审查 passed (or 退回修改, back to {@link #DRAFT} with the reason) → 发布 → 撤回. The one table
 * of allowed moves.
 */
public enum DisclosureStatus {
    /** being written; also where a returned item lands, with the reviewer's reason */
    DRAFT,
    /** waits for 保密审查 by someone other than the author */
    SUBMITTED,
    /** 审查 passed; waits for publication */
    APPROVED,
    /** 已公开: shows on the public endpoint */
    PUBLISHED,
    /** 已撤回: no longer public */
    WITHDRAWN;

    public boolean canMoveTo(DisclosureStatus next) {
        return switch (this) {
            case DRAFT -> next == SUBMITTED;
            case SUBMITTED -> next == APPROVED || next == DRAFT;
            case APPROVED -> next == PUBLISHED;
            case PUBLISHED -> next == WITHDRAWN;
            case WITHDRAWN -> false;
        };
    }
}
