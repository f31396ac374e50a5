package org.zhenwu.document.meeting;

/**
 * 办会: planned (拟定, the room booked) → notified (会议通知 sent to the attendees) → held (召开, sign-in 签到) →
 * minuted (纪要 drafted, decisions under supervision). Cancelled from planned or notified, which frees the room.
 * A notified meeting that is rescheduled goes back to planned: the new time needs a new notice. The one table of
 * allowed moves.
 */
public enum MeetingStatus {
    PLANNED, NOTIFIED, HELD, MINUTED, CANCELLED;

    public boolean canMoveTo(MeetingStatus next) {
        return switch (this) {
            case PLANNED -> next == NOTIFIED || next == CANCELLED;
            case NOTIFIED -> next == PLANNED || next == HELD || next == CANCELLED;
            case HELD -> next == MINUTED;
            case MINUTED, CANCELLED -> false;
        };
    }

    /** Still ahead: its time and room may change, attendees may ask for leave. */
    public boolean upcoming() {
        return this == PLANNED || this == NOTIFIED;
    }
}
