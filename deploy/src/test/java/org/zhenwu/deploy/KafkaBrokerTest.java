package org.zhenwu.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @TempDir
    Path dataDir;

    private KafkaBroker broker;

    @AfterEach
    void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void a_record_survives_a_broker_restart_on_the_same_port_and_data_dir() throws Exception {
        broker = new KafkaBroker(dataDir, ChildProcesses.freePort(), ChildProcesses.freePort());
        long started = System.nanoTime();
        broker.start();
        System.out.printf("broker ready in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        assertThat(broker.isRunning()).isTrue();
        String topic = "deploy.test." + UUID.randomUUID();

        try (var producer = producer(Duration.ofSeconds(3))) {
            producer.send(new ProducerRecord<>(topic, "k1", "before-restart")).get(30, TimeUnit.SECONDS);
        }
        assertThat(consumeAll(topic, 1)).containsExactly("before-restart");

        broker.stop();
        assertThat(broker.isRunning()).isFalse();
        try (var producer = producer(Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "k2", "while-down")).get(10, TimeUnit.SECONDS))
                    .as("a send fails (metadata/delivery timeout) while the broker is down")
                    .isInstanceOfAny(java.util.concurrent.ExecutionException.class, java.util.concurrent.TimeoutException.class,
                            org.apache.kafka.common.errors.TimeoutException.class);
        }

        started = System.nanoTime();
        broker.start();
        System.out.printf("broker restarted in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        try (var producer = producer(Duration.ofSeconds(10))) {
            producer.send(new ProducerRecord<>(topic, "k3", "after-restart")).get(30, TimeUnit.SECONDS);
        }
        assertThat(consumeAll(topic, 2)).containsExactlyInAnyOrder("before-restart", "after-restart");
        assertThat(dataDir.resolve("kafka-logs/meta.properties")).exists();
        assertThat(broker.logFile()).exists();
    }

    private KafkaProducer<String, String> producer(Duration maxBlock) {
        int block = (int) maxBlock.toMillis();
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, block,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(block, 1000),
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(block, 1000) + 1000,
                ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new StringSerializer());
    }

    private List<String> consumeAll(String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "deploy-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (values.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }
}
