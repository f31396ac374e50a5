package org.zhenwu.platform.outbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * <p>
 * The first {@value #IMMEDIATE} events of a transaction are inserted at once, one statement each, as a command's
 * one to three events always were. Beyond that (an import of a thousand records announces several thousand), the
 * rest are kept and inserted together, {@value #BATCH} rows per statement, when the batch is full and just before
 * the transaction commits: the same rows in the same transaction and the same order, a few statements instead of
 * thousands of round trips. A failure of that insert rolls the whole transaction back, as a failed single insert did.
 */
public class Outbox {
    /** Events of one transaction inserted one by one before the rest wait for the commit. */
    static final int IMMEDIATE = 16;
    /** Rows per multi-row insert. */
    static final int BATCH = 500;
    private static final String INSERT = """
            INSERT INTO outbox_event (event_id, topic, message_key, event_type, payload, correlation_id, traceparent)
            VALUES """;
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?)";

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
        // serialized now, with the request's correlation id and trace context of now, even when inserted later
        List<Object> row = Arrays.asList(event.eventId().toString(), topic, key, type, json.writeValueAsString(event),
                MDC.get(CorrelationId.MDC_KEY), tracing.currentTraceparent());
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            insert(List.of(row));
            return;
        }
        Pending pending = pendingOfThisTransaction();
        if (++pending.appended <= IMMEDIATE) {
            insert(List.of(row));
        } else {
            pending.rows.add(row);
            if (pending.rows.size() >= BATCH) {
                pending.insertPending();
            }
        }
    }

    /** This outbox's rows of the current transaction; a suspended outer transaction keeps its own (synchronizations are suspended with it). */
    private Pending pendingOfThisTransaction() {
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Pending p && p.outbox() == this) {
                return p;
            }
        }
        Pending pending = new Pending();
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending;
    }

    private void insert(List<List<Object>> rows) {
        List<Object> params = new ArrayList<>(rows.size() * 7);
        rows.forEach(params::addAll);
        jdbc.sql(INSERT + String.join(", ", java.util.Collections.nCopies(rows.size(), ROW))).params(params).update();
    }

    /** The transaction's count of events and the rows not inserted yet; wakes the relay once it committed. */
    private final class Pending implements TransactionSynchronization {
        private final List<List<Object>> rows = new ArrayList<>();
        private int appended;

        Outbox outbox() {
            return Outbox.this;
        }

        void insertPending() {
            if (!rows.isEmpty()) {
                insert(rows);
                rows.clear();
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            insertPending();
        }

        @Override
        public void afterCommit() {
            // Wake the relay as soon as this transaction commits, instead of waiting for its next poll.
            relay.wakeUp();
        }
    }
}
