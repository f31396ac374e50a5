package org.zhenwu.document.emergency;

/**
 * 应急信息报送: received (接报) → phone report upward (电话报告) → written report (书面报告) → follow-ups (续报, as many as
 * needed) → final report (终报). A simple matter may close straight after the written report. The one table of allowed
 * moves; lateness and overdue are flags, not statuses.
 */
public enum EmergencyStatus {
    /** registered by the office; nothing reported upward yet */
    RECEIVED,
    /** 口头/电话报告 made */
    PHONE_REPORTED,
    /** 书面报告 made */
    WRITTEN_REPORTED,
    /** one or more 续报 made */
    FOLLOWING_UP,
    /** 终报 made */
    CLOSED;

    public boolean canMoveTo(EmergencyStatus next) {
        return switch (this) {
            case RECEIVED -> next == PHONE_REPORTED;
            case PHONE_REPORTED -> next == WRITTEN_REPORTED;
            case WRITTEN_REPORTED, FOLLOWING_UP -> next == FOLLOWING_UP || next == CLOSED;
            case CLOSED -> false;
        };
    }
}
