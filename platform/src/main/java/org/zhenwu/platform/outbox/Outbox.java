package org.zhenwu.platform.outbox;

import java.util.Objects;

import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.zhenwu.contracts.IntegrationEvent;
import org.zhenwu.platform.web.CorrelationId;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an integration event into {@code outbox_event} in the caller's transaction: the event exists
 * exactly when the state change that caused it was committed. {@link OutboxRelay} sends it afterwards. The row
 * keeps the request's correlation id and trace context ({@link OutboxTracing}) for the consumer's logs and trace.
 */
public class Outbox {
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final OutboxRelay relay;
    private final OutboxTracing tracing;

    public Outbox(JdbcClient jdbc, JsonMapper json, OutboxRelay relay, OutboxTracing tracing) {
        this.jdbc = jdbc;
        this.json = json;
        this.relay = relay;
        this.tracing = tracing;
    }

    /**
     * @param topic the contract's topic constant
     * @param key   the aggregate id: keeps one aggregate's events in order on one partition
     * @param type  the contract's {@code TYPE} constant (the wire name)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String topic, String key, String type, IntegrationEvent event) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        jdbc.sql("""
                INSERT INTO outbox_event (event_id, topic, message_key, event_type, payload, correlation_id,
                                          traceparent)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(event.eventId().toString(), topic, key, type, json.writeValueAsString(event),
                        MDC.get(CorrelationId.MDC_KEY), tracing.currentTraceparent())
                .update();
        // Wake the relay as soon as this transaction commits, instead of waiting for its next poll.
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    relay.wakeUp();
                }
            });
        }
    }
}
