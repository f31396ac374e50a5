package org.zhenwu.platform.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhenwu.contracts.EventHeaders;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;

/**
 * Sends committed outbox rows to Kafka, at least once. One background thread per instance; it runs when a
 * transaction that appended an event commits, and otherwise every {@code pollInterval} to pick up rows left
 * by a broker outage or a crash. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so two instances of a
 * service never send the same row at the same time. A crash between the broker's ack and the UPDATE re-sends
 * the row: consumers deduplicate on {@code event-id}.
 */
public class OutboxRelay implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;
    private final KafkaTemplate<String, String> kafka;
    private final TransactionTemplate tx;
    private final OutboxProperties properties;
    private final Clock clock;
    private final OutboxTracing tracing;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Counter sent;
    private final Counter failed;
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(JdbcClient jdbc, KafkaTemplate<String, String> kafka, TransactionTemplate tx,
                       OutboxProperties properties, Clock clock, MeterRegistry meters, OutboxTracing tracing) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
        this.tracing = tracing;
        this.sent = Counter.builder("zhenwu.outbox.sent").description("Outbox events acknowledged by Kafka").register(meters);
        this.failed = Counter.builder("zhenwu.outbox.failed").description("Outbox sends that failed and will be retried").register(meters);
        Gauge.builder("zhenwu.outbox.pending", this, OutboxRelay::pending)
                .description("Outbox events not yet acknowledged by Kafka").register(meters);
    }

    /** Asks the relay to run now; cheap, and safe to call from any thread. */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /** Events waiting to be sent. */
    public long pending() {
        try {
            return jdbc.sql("SELECT COUNT(*) FROM outbox_event WHERE published_at IS NULL").query(Long.class).single();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /**
     * Sends one batch and returns how many rows it sent, or -1 when the broker refused or timed out
     * (the rows stay pending and are tried again on the next round).
     */
    public int publishBatch() {
        Integer result = tx.execute(status -> {
            List<Pending> batch = jdbc.sql("""
                    SELECT id, topic, message_key, event_type, event_id, payload, correlation_id, traceparent
                    FROM outbox_event
                    WHERE published_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""")
                    .param(properties.batchSize())
                    .query(Pending.class).list();
            if (batch.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<?>> sends = new ArrayList<>(batch.size());
            for (Pending e : batch) {
                ProducerRecord<String, String> record = new ProducerRecord<>(e.topic(), e.messageKey(), e.payload());
                record.headers().add(EventHeaders.EVENT_TYPE, e.eventType().getBytes(UTF_8));
                record.headers().add(EventHeaders.EVENT_ID, e.eventId().getBytes(UTF_8));
                if (e.correlationId() != null) {
                    record.headers().add(EventHeaders.CORRELATION_ID, e.correlationId().getBytes(UTF_8));
                }
                Span span = tracing.startSend(e.traceparent(), record, e.eventType(), e.eventId());
                CompletableFuture<?> send;
                try {
                    send = kafka.send(record);
                } catch (RuntimeException sendRefused) {
                    // With the broker unreachable, send() itself throws once max.block.ms has passed.
                    send = CompletableFuture.failedFuture(sendRefused);
                }
                if (span != null) {
                    send = send.whenComplete((ok, failure) -> {
                        if (failure != null) {
                            span.error(failure);
                        }
                        span.end();
                    });
                }
                sends.add(send);
            }
            // The batch is complete: send it now rather than after the producer's linger.ms (5 ms by default since
            // Kafka 4.0), which would only delay every event of a quiet hour (docs/benchmarks/events.md).
            try {
                kafka.flush();
            } catch (RuntimeException flushFailed) {
                // the sends' futures report what went wrong, row by row
            }
            List<Long> acknowledged = new ArrayList<>(batch.size());
            long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
            boolean anyFailed = false;
            for (int i = 0; i < batch.size(); i++) {
                try {
                    sends.get(i).get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    acknowledged.add(batch.get(i).id());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    anyFailed = true;
                    break;
                } catch (Exception ex) {
                    anyFailed = true;
                    log.warn("Outbox event {} ({}) not acknowledged by Kafka, will retry: {}",
                            batch.get(i).eventId(), batch.get(i).eventType(), ex.toString());
                }
            }
            Instant now = clock.instant();
            if (!acknowledged.isEmpty()) {
                jdbc.sql("UPDATE outbox_event SET published_at = :now WHERE id IN (:ids)")
                        .param("now", java.sql.Timestamp.from(now)).param("ids", acknowledged).update();
                sent.increment(acknowledged.size());
            }
            int unacknowledged = batch.size() - acknowledged.size();
            if (unacknowledged > 0) {
                List<Long> retry = batch.stream().map(Pending::id).filter(id -> !acknowledged.contains(id)).toList();
                jdbc.sql("UPDATE outbox_event SET attempts = attempts + 1 WHERE id IN (:ids)").param("ids", retry).update();
                failed.increment(unacknowledged);
            }
            return anyFailed ? -1 : acknowledged.size();
        });
        return result == null ? 0 : result;
    }

    private void loop() {
        long backoffMillis = 0;
        while (running) {
            try {
                long waitMillis = backoffMillis > 0 ? backoffMillis : properties.pollInterval().toMillis();
                wakeUps.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
                if (!running) {
                    return;
                }
                int n;
                do {
                    n = publishBatch();
                } while (running && n >= properties.batchSize());
                // After a failure, wait longer each time (up to 5 s) so an outage is not a busy loop.
                backoffMillis = n < 0 ? Math.min(5_000, Math.max(500, backoffMillis * 2)) : 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox relay round failed, will retry: {}", e.toString());
                backoffMillis = Math.min(5_000, Math.max(500, backoffMillis * 2));
            }
        }
    }

    /**
     * Deletes published rows past their retention, and inbox rows past theirs, in chunks of 10,000 until none are
     * left (a busy district writes tens of thousands a day); the unique event_id keeps no meaning after that.
     */
    @Scheduled(cron = "${zhenwu.outbox.cleanup-cron:0 17 3 * * *}")
    public void deleteOldRows() {
        Instant now = clock.instant();
        java.sql.Timestamp published = java.sql.Timestamp.from(now.minus(properties.retention()));
        java.sql.Timestamp received = java.sql.Timestamp.from(now.minus(properties.inboxRetention()));
        int deleted;
        do {
            deleted = jdbc.sql("DELETE FROM outbox_event WHERE published_at < ? LIMIT 10000").param(published).update();
        } while (deleted == 10_000);
        do {
            deleted = jdbc.sql("DELETE FROM inbox_event WHERE received_at < ? LIMIT 10000").param(received).update();
        } while (deleted == 10_000);
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        if (worker != null) {
            try {
                worker.join(properties.sendTimeout().toMillis() + 1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@code zhenwu.outbox.relay-enabled=false} leaves sending to another instance or to a test. */
    @Override
    public boolean isAutoStartup() {
        return properties.relayEnabled();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop after the web server (phase MAX-ish) so requests that just committed still get relayed. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    record Pending(long id, String topic, String messageKey, String eventType, String eventId, String payload,
                   String correlationId, String traceparent) {
    }
}
