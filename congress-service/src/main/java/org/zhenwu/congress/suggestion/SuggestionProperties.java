package org.zhenwu.congress.suggestion;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Handling limits for deputies' suggestions (DOMAIN §5; local implementing rules may change them).
 *
 * @param replyMonths calendar months from 交办 to the lead unit's reply; 3 by default, at most 6
 */
@ConfigurationProperties("zhenwu.congress.suggestions")
record SuggestionProperties(@DefaultValue("3") int replyMonths) {
    SuggestionProperties {
        if (replyMonths < 1 || replyMonths > 6) {
            throw new IllegalArgumentException("zhenwu.congress.suggestions.reply-months must be 1..6, was " + replyMonths);
        }
    }
}
