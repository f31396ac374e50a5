package org.zhenwu.platform.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.util.backoff.FixedBackOff;
import org.zhenwu.platform.web.CorrelationId;

import tools.jackson.databind.json.JsonMapper;

/** Consumer-side defaults: bounded retries then {@code <topic>.DLT}, correlation and trace ids in the logs. */
@Configuration(proxyBeanMethods = false)
public class KafkaPlatformConfiguration {

    /**
     * A failing record is retried {@code zhenwu.kafka.retries} times {@code zhenwu.kafka.retry-interval} apart,
     * then published to {@code <topic>.DLT} on the same partition number, and the partition moves on.
     */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> template,
                                          @Value("${zhenwu.kafka.retries:3}") long retries,
                                          @Value("${zhenwu.kafka.retry-interval:1s}") java.time.Duration interval) {
        var recoverer = new DeadLetterPublishingRecoverer(template,
                (record, ex) -> new TopicPartition(record.topic() + ".DLT", record.partition()));
        return new DefaultErrorHandler(recoverer, new FixedBackOff(interval.toMillis(), retries));
    }

    /** Puts the producing request's correlation id into the MDC while a record is handled. */
    @Bean
    RecordInterceptor<Object, Object> correlationIdRecordInterceptor() {
        return new RecordInterceptor<>() {
            @Override
            public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
                RecordLogContext.correlationId(record).ifPresent(id -> MDC.put(CorrelationId.MDC_KEY, id));
                return record;
            }

            @Override
            public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
                MDC.remove(CorrelationId.MDC_KEY);
            }
        };
    }

    /**
     * Every listener container observes its records: the handling of an event becomes a span in the trace of the
     * request that caused it (the {@code traceparent} header the outbox relay sends), and the logs written while
     * handling it carry that trace id. Also gives {@code spring_kafka_listener_seconds} per listener.
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>>
            observedListenerContainers() {
        return container -> container.getContainerProperties().setObservationEnabled(true);
    }

    @Bean
    IntegrationEventReader integrationEventReader(JsonMapper json) {
        return new IntegrationEventReader(json);
    }
}
