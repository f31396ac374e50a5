package org.zhenwu.platform.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.zhenwu.contracts.EventHeaders;
import org.zhenwu.contracts.IntegrationEvent;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads integration events as a tolerant reader: the type comes from the {@code event-type} header,
 * unknown fields are ignored (producers evolve additively), unknown types are left to the caller to skip.
 */
public class IntegrationEventReader {
    private final JsonMapper json;

    public IntegrationEventReader(JsonMapper json) {
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    public Optional<String> typeOf(ConsumerRecord<?, ?> record) {
        Header type = record.headers().lastHeader(EventHeaders.EVENT_TYPE);
        return type == null ? Optional.empty() : Optional.of(new String(type.value(), UTF_8));
    }

    /** Parses the record's value; a malformed payload throws, is retried and ends in the dead-letter topic. */
    public <E extends IntegrationEvent> E read(ConsumerRecord<?, String> record, Class<E> type) {
        return json.readValue(record.value(), type);
    }
}
