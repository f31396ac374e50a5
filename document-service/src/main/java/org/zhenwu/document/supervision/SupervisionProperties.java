package org.zhenwu.document.supervision;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param remindBeforeDays reminder this many working days before the deadline
 * @param hotlineDays      an escalated 12345 work order gets this many working days under supervision
 * @param checkInterval    how often the deadline job looks (every instance runs it; row locks keep them apart)
 * @param checkDelay       the job's first run after start-up
 */
@ConfigurationProperties("zhenwu.document.supervision")
record SupervisionProperties(@DefaultValue("2") int remindBeforeDays, @DefaultValue("3") int hotlineDays,
                             @DefaultValue("60s") Duration checkInterval, @DefaultValue("30s") Duration checkDelay) {
}
