package org.zhenwu.congress.suggestion;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Handling limits for deputies' suggestions (DOMAIN §5; local implementing rules may change them). Months are
 * calendar months from the day that starts the clock; reminders count working days.
 *
 * @param replyMonths       from 交办 to the lead unit's first reply; 3 by default, at most {@code maxReplyMonths}
 * @param maxReplyMonths    how far an extension (延期, complex cases, deputies told) may push the first reply; 6
 * @param coViewMonths      from 交办 to the co-units' views to the lead unit; 1
 * @param rehandleMonths    from a dissatisfied feedback to the new reply (重新办理); 1
 * @param maxRehandlings    how often a suggestion is re-handled before a dissatisfied verdict closes it; 1
 * @param remindBeforeDays  the deadline job reminds units this many working days before a deadline; 5
 * @param motionMinDeputies deputies needed to table a motion (议案); 5 in a town congress
 */
@ConfigurationProperties("zhenwu.congress.suggestions")
record SuggestionProperties(@DefaultValue("3") int replyMonths, @DefaultValue("6") int maxReplyMonths,
                            @DefaultValue("1") int coViewMonths, @DefaultValue("1") int rehandleMonths,
                            @DefaultValue("1") int maxRehandlings, @DefaultValue("5") int remindBeforeDays,
                            @DefaultValue("5") int motionMinDeputies) {
    SuggestionProperties {
        if (replyMonths < 1 || replyMonths > 6) {
            throw new IllegalArgumentException("zhenwu.congress.suggestions.reply-months must be 1..6, was " + replyMonths);
        }
        if (maxReplyMonths < replyMonths || maxReplyMonths > 12) {
            throw new IllegalArgumentException("zhenwu.congress.suggestions.max-reply-months must be reply-months..12, was "
                    + maxReplyMonths);
        }
        if (coViewMonths < 1 || coViewMonths > replyMonths) {
            throw new IllegalArgumentException("zhenwu.congress.suggestions.co-view-months must be 1..reply-months, was "
                    + coViewMonths);
        }
        if (rehandleMonths < 1 || rehandleMonths > 6 || maxRehandlings < 0 || remindBeforeDays < 0 || motionMinDeputies < 1) {
            throw new IllegalArgumentException("zhenwu.congress.suggestions: rehandle-months 1..6, max-rehandlings >= 0, "
                    + "remind-before-days >= 0, motion-min-deputies >= 1");
        }
    }

    static SuggestionProperties defaults() {
        return new SuggestionProperties(3, 6, 1, 1, 1, 5, 5);
    }
}
