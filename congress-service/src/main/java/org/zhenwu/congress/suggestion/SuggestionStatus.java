package org.zhenwu.congress.suggestion;

/**
 * A deputies' suggestion (代表建议) so far: submitted → registered (登记) → assigned (交办). Replies, feedback
 * and re-handling come next. The one table of allowed moves; {@link Suggestion} never changes status any other way.
 */
public enum SuggestionStatus {
    /** Handed in by one deputy or jointly by several. */
    SUBMITTED,
    /** 登记: accepted by the congress office and numbered within its session. */
    REGISTERED,
    /** 交办: sent to a lead unit (主办) and any co-units (协办); the reply clock runs. */
    ASSIGNED;

    public boolean canMoveTo(SuggestionStatus next) {
        return switch (this) {
            case SUBMITTED -> next == REGISTERED;
            case REGISTERED -> next == ASSIGNED;
            case ASSIGNED -> false;
        };
    }
}
