package org.zhenwu.document.contract;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param expiringDays  the expiry reminder (and the EXPIRING risk flag) comes this many calendar days before the end
 * @param checkInterval how often the expiry job looks (every instance runs it; row locks keep them apart)
 * @param checkDelay    the job's first run after start-up
 */
@ConfigurationProperties("zhenwu.document.contract")
record ContractProperties(@DefaultValue("30") int expiringDays, @DefaultValue("1h") Duration checkInterval,
                          @DefaultValue("30s") Duration checkDelay) {
}
