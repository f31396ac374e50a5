package org.zhenwu.congress.suggestion;

/** Which reply this is in the loop. */
public enum ReplyStage {
    /** Due within the reply limit after 交办 (extendable). */
    FIRST,
    /** Due within a month of a dissatisfied feedback (重新办理). */
    REHANDLED,
    /** A B/C matter answered again once solved; no deadline. */
    FOLLOW_UP
}
