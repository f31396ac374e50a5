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
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                awaitSpringContextsClosed();
                b.destroy();
            }, "shared-kafka-stop"));
            broker = b;
        }
        return broker.getBrokersAsString();
    }

    /**
     * The JVM runs every shutdown hook at once, and Spring closes each cached test context in a hook of its own. A
     * broker stopped first leaves those contexts' producers and consumers retrying it while they close, until Surefire
     * kills the JVM 30 s after {@code System.exit}: so the broker waits for them (at most 20 s).
     */
    private static void awaitSpringContextsClosed() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        try {
            Thread.sleep(100); // the hooks are started one after the other: let Spring's be alive
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith("SpringContextShutdownHook")
                        || t.getName().startsWith("SpringApplicationShutdownHook")) {
                    t.join(Math.max(1, java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
