package org.zhenwu.platform.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.MDC;
import org.zhenwu.contracts.EventHeaders;
import org.zhenwu.platform.web.CorrelationId;

/**
 * The logging context of one record's handling: the correlation id of the request that produced the event (its
 * {@code correlation-id} header, set by the outbox) in the MDC, so that a log line written while handling it can be
 * found with that request's. A record listener gets it from the container's record interceptor; a batch listener
 * runs each record's own handling in {@link #run}.
 */
public final class RecordLogContext {
    private RecordLogContext() {
    }

    /** The producing request's correlation id, if the record carries one. */
    public static Optional<String> correlationId(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(EventHeaders.CORRELATION_ID);
        return header == null || header.value() == null ? Optional.empty()
                : Optional.of(new String(header.value(), UTF_8));
    }

    /** Runs {@code action} with the record's correlation id in the MDC, then restores whatever was there before. */
    public static void run(ConsumerRecord<?, ?> record, Runnable action) {
        String before = MDC.get(CorrelationId.MDC_KEY);
        correlationId(record).ifPresentOrElse(id -> MDC.put(CorrelationId.MDC_KEY, id),
                () -> MDC.remove(CorrelationId.MDC_KEY));
        try {
            action.run();
        } finally {
            if (before == null) {
                MDC.remove(CorrelationId.MDC_KEY);
            } else {
                MDC.put(CorrelationId.MDC_KEY, before);
            }
        }
    }
}
