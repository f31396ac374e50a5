package org.zhenwu.platform.test;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** One real Kafka broker (KRaft) per test JVM, started on first use and stopped when the JVM exits. */
public final class SharedKafka {
    private static EmbeddedKafkaKraftBroker broker;

    private SharedKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            EmbeddedKafkaKraftBroker b = new EmbeddedKafkaKraftBroker(1, 3);
            b.brokerProperties(Map.of("auto.create.topics.enable", "true", "num.partitions", "3",
                    "group.initial.rebalance.delay.ms", "0", "offsets.topic.num.partitions", "5"));
            b.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(b::destroy, "shared-kafka-stop"));
            broker = b;
        }
        return broker.getBrokersAsString();
    }
}
