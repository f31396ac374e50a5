package org.zhenwu.servicehall.application;

/**
 * 前台综合受理、后台分类审批、统一窗口出件: an application's path. The one table of allowed moves; {@link Application}
 * never changes status any other way.
 */
public enum ApplicationStatus {
    /** 一次性告知: materials are missing; the notice lists every one. The clock has not started. */
    AWAITING_SUPPLEMENT,
    /** 受理: complete; the working-day clock runs; the department decides. */
    ACCEPTED,
    /** 准予: the department approved. */
    APPROVED,
    /** 不予: the department rejected, naming the legal basis. */
    REJECTED,
    /** 办结: the result is ready; the clock stopped. */
    COMPLETED,
    /** 出件/送达: handed over at the window or sent by mail. */
    DELIVERED,
    /** 撤回 by the applicant before a decision. */
    WITHDRAWN;

    public boolean canMoveTo(ApplicationStatus next) {
        return switch (this) {
            // 补正 completes the materials and starts the clock
            case AWAITING_SUPPLEMENT -> next == ACCEPTED || next == WITHDRAWN;
            case ACCEPTED -> next == APPROVED || next == REJECTED || next == WITHDRAWN;
            case APPROVED, REJECTED -> next == COMPLETED;
            case COMPLETED -> next == DELIVERED;
            case DELIVERED, WITHDRAWN -> false;
        };
    }

    /** The working-day clock runs from acceptance to completion. */
    public boolean clockRuns() {
        return this == ACCEPTED || this == APPROVED || this == REJECTED;
    }

    public boolean isCompleted() {
        return this == COMPLETED || this == DELIVERED;
    }
}
