package org.zhenwu.servicehall.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param yellowBeforeDays the clock turns yellow this many working days before the promised due date (red after it)
 */
@ConfigurationProperties("zhenwu.service-hall.applications")
record ApplicationProperties(@DefaultValue("1") int yellowBeforeDays) {
    ApplicationProperties {
        if (yellowBeforeDays < 0) {
            throw new IllegalArgumentException("zhenwu.service-hall.applications.yellow-before-days must not be negative");
        }
    }
}
