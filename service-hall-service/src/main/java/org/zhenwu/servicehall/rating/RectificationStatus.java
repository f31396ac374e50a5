package org.zhenwu.servicehall.rating;

/**
 * A 差评's rectification case. The one table of allowed moves; {@link Rectification} never changes status any other way.
 */
public enum RectificationStatus {
    /** 整改中: the department has the configured working days. */
    OPEN,
    /** 已整改: the department reported its measures; the hall reviews them. */
    RECTIFIED,
    /** 申诉中: the department disputes the 差评; the hall reviews the appeal. */
    APPEALED,
    /** 办结: the review accepted the rectification. */
    CLOSED,
    /** 申诉成立: the 差评 does not count against the department. */
    VOIDED;

    public boolean canMoveTo(RectificationStatus next) {
        return switch (this) {
            case OPEN -> next == RECTIFIED || next == APPEALED;
            // a review that finds the rectification lacking, or turns the appeal down, sends the case back
            case RECTIFIED -> next == CLOSED || next == OPEN;
            case APPEALED -> next == VOIDED || next == OPEN;
            case CLOSED, VOIDED -> false;
        };
    }

    public boolean isFinished() {
        return this == CLOSED || this == VOIDED;
    }
}
