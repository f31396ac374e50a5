package org.zhenwu.document.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.zhenwu.contracts.IntegrationEvent;
import org.zhenwu.platform.kafka.IntegrationEventReader;
import org.zhenwu.platform.kafka.RecordLogContext;

/**
 * The base of this service's batch listeners: one poll's records of a topic, read into events in order. A record that
 * cannot be read (or whose handling fails) is reported to the container's error handler by its index
 * ({@link BatchListenerFailedException}): the records before it count as handled, it is retried and then parked in {@code <topic>.DLT}, and the records after it are
 * delivered again — so everything before the failing record must have been handled first (see {@link #handle}).
 * Each record's own handling runs with its producing request's correlation id in the logging context
 * ({@link RecordLogContext}); the batch's counting, one transaction for many requests' events, has none.
 */
abstract class EventBatchListener {
    /** An event read from the record at {@code index} of the batch. */
    record Read(int index, IntegrationEvent event) {
    }

    private final IntegrationEventReader events;
    private final Map<String, Class<? extends IntegrationEvent>> types;

    /** @param types the event types this listener reads, by their {@code event-type} header; others are skipped */
    EventBatchListener(IntegrationEventReader events, Map<String, Class<? extends IntegrationEvent>> types) {
        this.events = events;
        this.types = Map.copyOf(types);
    }

    /** The record's event, or {@code null} for a type this listener does not read. */
    private IntegrationEvent read(ConsumerRecord<String, String> record) {
        Class<? extends IntegrationEvent> type = events.typeOf(record).map(types::get).orElse(null);
        return type == null ? null : events.read(record, type);
    }

    /** Runs {@code action} for the events of one type. */
    static <E extends IntegrationEvent> Consumer<Read> each(Class<E> type, Consumer<E> action) {
        return r -> {
            if (type.isInstance(r.event())) {
                action.accept(type.cast(r.event()));
            }
        };
    }

    /**
     * Reads records until the first that fails to read; {@code count} gets the events read (in one call, for one
     * transaction), then {@code each} runs for every event in order; then the failed read, if any, is thrown.
     */
    void handle(List<ConsumerRecord<String, String>> records, Consumer<List<IntegrationEvent>> count,
                Consumer<Read> each) {
        List<Read> events = new ArrayList<>();
        BatchListenerFailedException unreadable = null;
        for (int i = 0; i < records.size(); i++) {
            try {
                IntegrationEvent event = read(records.get(i));
                if (event != null) {
                    events.add(new Read(i, event));
                }
            } catch (RuntimeException e) {
                unreadable = new BatchListenerFailedException("unreadable record", e, i);
                break;
            }
        }
        if (!events.isEmpty()) {
            try {
                count.accept(events.stream().map(Read::event).toList());
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException("counting the batch failed", e, events.get(0).index());
            }
        }
        for (Read r : events) {
            try {
                // each record's handling logs with the correlation id of the request that produced it
                RecordLogContext.run(records.get(r.index()), () -> each.accept(r));
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException("handling the record failed", e, r.index());
            }
        }
        if (unreadable != null) {
            throw unreadable;
        }
    }
}
