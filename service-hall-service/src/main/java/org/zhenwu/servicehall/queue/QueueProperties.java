package org.zhenwu.servicehall.queue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxCalls    a called ticket becomes a no-show (过号) after this many calls without the applicant coming
 * @param historySize how many of today's tickets a window terminal shows
 */
@ConfigurationProperties("zhenwu.service-hall.queue")
record QueueProperties(@DefaultValue("3") int maxCalls, @DefaultValue("50") int historySize) {
    QueueProperties {
        if (maxCalls < 1) {
            throw new IllegalArgumentException("zhenwu.service-hall.queue.max-calls must be at least 1");
        }
    }
}
