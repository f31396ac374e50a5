package org.zhenwu.platform.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Carries a request's trace across the outbox, so that one trace shows the clerk's request, the commit, the
 * relay's send and the handling in the other service. The transaction that appends an event stores the W3C
 * {@code traceparent} of the span then current; the relay opens one producer span per sent row as that span's
 * child and writes the new span's context into the record's headers, where the consumer's listener observation
 * picks it up. A row without a stored context (written before tracing, or outside any request) is sent without a
 * span: the relay's own rounds and polls never start a trace.
 */
public class OutboxTracing {
    /** The W3C Trace Context header, the same name in HTTP and in Kafka record headers. */
    public static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public OutboxTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** Tracing switched off ({@code management.tracing.enabled=false}): nothing is stored or sent. */
    public static OutboxTracing off() {
        return new OutboxTracing(Tracer.NOOP, Propagator.NOOP);
    }

    /** The {@code traceparent} of the current span, or null when there is none. */
    String currentTraceparent() {
        Span current = tracer.currentSpan();
        if (current == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(current.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * Starts the relay's span for one row, a child of the stored context, and puts its context into the
     * record's headers (replacing any header of the same name). Null when the row has no stored context.
     */
    Span startSend(String traceparent, ProducerRecord<String, String> record, String eventType, String eventId) {
        if (traceparent == null) {
            return null;
        }
        Span span = propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get)
                .name("outbox send")
                .kind(Span.Kind.PRODUCER)
                .remoteServiceName("kafka")
                .tag("messaging.system", "kafka")
                .tag("messaging.destination.name", record.topic())
                .tag("zhenwu.event.type", eventType)
                .tag("zhenwu.event.id", eventId)
                .start();
        propagator.inject(span.context(), record.headers(), OutboxTracing::setHeader);
        return span;
    }

    private static void setHeader(Headers headers, String key, String value) {
        headers.remove(key);
        headers.add(key, value.getBytes(UTF_8));
    }
}
