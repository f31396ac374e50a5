package org.zhenwu.document.inbound;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.zhenwu.contracts.EventHeaders;
import org.zhenwu.contracts.IntegrationEvent;
import org.zhenwu.contracts.hotline.v1.WorkOrderEscalated;
import org.zhenwu.platform.kafka.IntegrationEventReader;
import org.zhenwu.platform.web.CorrelationId;

import tools.jackson.databind.json.JsonMapper;

/** A batch: counted in one call, then each record handled in order in its own producing request's logging context. */
class EventBatchListenerTest {
    private final JsonMapper json = JsonMapper.builder().build();
    private final EventBatchListener listener = new EventBatchListener(new IntegrationEventReader(json),
            Map.of(WorkOrderEscalated.TYPE, WorkOrderEscalated.class)) {
    };

    private ConsumerRecord<String, String> escalated(long offset, String correlationId) {
        WorkOrderEscalated event = WorkOrderEscalated.of("440606104", UUID.randomUUID(), "城管办", "RX" + offset,
                LocalDate.of(2019, 6, 3), Instant.parse("2019-06-04T01:00:00Z"));
        ConsumerRecord<String, String> record = new ConsumerRecord<>("hotline.work-order.v1", 0, offset,
                event.workOrderId().toString(), json.writeValueAsString(event));
        record.headers().add(EventHeaders.EVENT_TYPE, WorkOrderEscalated.TYPE.getBytes(UTF_8));
        record.headers().add(EventHeaders.CORRELATION_ID, correlationId.getBytes(UTF_8));
        return record;
    }

    @Test
    void handlesEachRecordWithTheCorrelationIdOfTheRequestThatProducedIt() {
        List<ConsumerRecord<String, String>> batch = List.of(escalated(1, "req-a"), escalated(2, "req-b"));
        List<Integer> counted = new ArrayList<>();
        List<String> handledUnder = new ArrayList<>();

        listener.handle(batch, events -> counted.add(events.size()),
                EventBatchListener.each(WorkOrderEscalated.class, e -> handledUnder.add(e.orderNumber() + " "
                        + MDC.get(CorrelationId.MDC_KEY))));

        assertThat(counted).containsExactly(2);
        assertThat(handledUnder).containsExactly("RX1 req-a", "RX2 req-b");
        assertThat(MDC.get(CorrelationId.MDC_KEY)).isNull();
    }

    @Test
    void reportsTheFailingRecordByItsIndexAfterHandlingTheOnesBeforeIt() {
        List<ConsumerRecord<String, String>> batch = List.of(escalated(1, "req-a"), escalated(2, "req-b"),
                escalated(3, "req-c"));
        List<String> handled = new ArrayList<>();

        assertThatThrownBy(() -> listener.handle(batch, events -> { },
                EventBatchListener.each(WorkOrderEscalated.class, e -> {
                    if (e.orderNumber().equals("RX2")) {
                        throw new IllegalStateException("supervision unavailable");
                    }
                    handled.add(e.orderNumber());
                })))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> assertThat(e.getIndex()).isEqualTo(1));
        assertThat(handled).containsExactly("RX1");
        assertThat(MDC.get(CorrelationId.MDC_KEY)).isNull();
    }

    @Test
    void skipsTypesItDoesNotRead() {
        ConsumerRecord<String, String> other = new ConsumerRecord<>("hotline.work-order.v1", 0, 9L, "k", "{}");
        other.headers().add(EventHeaders.EVENT_TYPE, "hotline.WorkOrderClosed".getBytes(UTF_8));
        List<IntegrationEvent> counted = new ArrayList<>();

        listener.handle(List.of(other), counted::addAll, r -> counted.add(r.event()));

        assertThat(counted).isEmpty();
    }
}
