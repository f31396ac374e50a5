package org.zhenwu.congress.suggestion;

/**
 * A deputies' suggestion (代表建议) or motion (议案): submitted → registered (登记) → assigned (交办) → replied (答复)
 * → feedback: closed (办结), kept open while a B/C matter is being solved (跟踪), or re-handled (重新办理) after a
 * dissatisfied verdict. The one table of allowed moves; {@link Suggestion} never changes status any other way.
 */
public enum SuggestionStatus {
    /** Handed in by one deputy or jointly by several. */
    SUBMITTED,
    /** 登记: accepted by the congress office and numbered within its session. */
    REGISTERED,
    /** 交办: sent to a lead unit (主办) and any co-units (协办); the reply clock runs. */
    ASSIGNED,
    /** 答复: the lead unit answered, classified A–D; waits for the deputies' feedback (征询意见表). */
    REPLIED,
    /** 重新办理: the deputies were dissatisfied; a new reply is due within a month. */
    REHANDLING,
    /** B/C: accepted but not solved yet; answered again once it is. */
    TRACKING,
    /** 办结. */
    CLOSED;

    public boolean canMoveTo(SuggestionStatus next) {
        return switch (this) {
            case SUBMITTED -> next == REGISTERED;
            case REGISTERED -> next == ASSIGNED;
            case ASSIGNED, REHANDLING, TRACKING -> next == REPLIED;
            case REPLIED -> next == CLOSED || next == TRACKING || next == REHANDLING;
            case CLOSED -> false;
        };
    }

    /** The lead unit owes a reply by a deadline. */
    boolean awaitsReply() {
        return this == ASSIGNED || this == REHANDLING;
    }
}
