package org.zhenwu.platform.test;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.zhenwu.contracts.EventHeaders;

/** Poison records on the shared broker, and where they end: {@code <topic>.DLT}. */
public final class DeadLetters {
    private DeadLetters() {
    }

    /** Sends a record of a known type whose payload is not JSON; returns its key. */
    public static String sendPoison(String topic, String eventType) {
        String key = "poison-" + UUID.randomUUID();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()), new StringSerializer(),
                new StringSerializer())) {
            var record = new ProducerRecord<>(topic, key, "{not json at all");
            record.headers().add(EventHeaders.EVENT_TYPE, eventType.getBytes(UTF_8));
            record.headers().add(EventHeaders.EVENT_ID, UUID.randomUUID().toString().getBytes(UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return key;
    }

    /**
     * Replays a dead letter: publishes it to the topic it came from ({@code kafka_dlt-original-topic}) under its key,
     * with its event headers, and {@code value}: the record's own when it failed for a passing cause (the database was
     * away), or the operator's repaired payload. The consumers' inbox makes a second replay harmless.
     */
    public static void replay(ConsumerRecord<String, String> deadLetter, String value) {
        Header original = deadLetter.headers().lastHeader("kafka_dlt-original-topic");
        if (original == null) {
            throw new IllegalArgumentException("not a dead letter: no kafka_dlt-original-topic header");
        }
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()), new StringSerializer(),
                new StringSerializer())) {
            var record = new ProducerRecord<>(new String(original.value(), UTF_8), deadLetter.key(), value);
            for (String name : List.of(EventHeaders.EVENT_TYPE, EventHeaders.EVENT_ID, EventHeaders.CORRELATION_ID)) {
                Header h = deadLetter.headers().lastHeader(name);
                if (h != null) {
                    record.headers().add(name, h.value());
                }
            }
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The dead-lettered copy of the record with {@code key}, as the consumer group {@code group} sent it to
     * {@code <topic>.DLT}; fails after {@code timeout}.
     */
    public static ConsumerRecord<String, String> awaitDeadLetter(String topic, String key, String group, Duration timeout) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic + ".DLT"));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (var record : consumer.poll(Duration.ofMillis(300))) {
                    Header from = record.headers().lastHeader("kafka_dlt-original-consumer-group");
                    if (key.equals(record.key()) && from != null && group.equals(new String(from.value(), UTF_8))) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no dead letter of " + key + " from group " + group + " on " + topic + ".DLT within " + timeout);
    }
}
