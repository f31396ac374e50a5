package org.zhenwu.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pollInterval   how often the relay looks for rows nobody woke it for (after a crash or a broker outage)
 * @param batchSize      rows sent per round
 * @param sendTimeout    how long one round waits for the broker's acknowledgements
 * @param retention      published rows older than this are deleted by the nightly clean-up
 * @param inboxRetention inbox rows older than this are deleted (longer than the topics' retention)
 * @param relayEnabled   whether this instance runs the relay thread
 */
@ConfigurationProperties("zhenwu.outbox")
public record OutboxProperties(@DefaultValue("500ms") Duration pollInterval,
                               @DefaultValue("200") int batchSize,
                               @DefaultValue("15s") Duration sendTimeout,
                               @DefaultValue("7d") Duration retention,
                               @DefaultValue("14d") Duration inboxRetention,
                               @DefaultValue("true") boolean relayEnabled) {
}
