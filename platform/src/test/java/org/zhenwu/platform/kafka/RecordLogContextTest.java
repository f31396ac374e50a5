package org.zhenwu.platform.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.zhenwu.contracts.EventHeaders;
import org.zhenwu.platform.web.CorrelationId;

class RecordLogContextTest {
    private final List<String> seen = new ArrayList<>();

    @AfterEach
    void clear() {
        MDC.clear();
    }

    private static ConsumerRecord<String, String> record(String correlationId) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("hotline.work-order.v1", 0, 7L, "key", "{}");
        if (correlationId != null) {
            record.headers().add(EventHeaders.CORRELATION_ID, correlationId.getBytes(UTF_8));
        }
        return record;
    }

    private void look() {
        seen.add(MDC.get(CorrelationId.MDC_KEY));
    }

    @Test
    void handlesEachRecordWithItsOwnRequestsCorrelationIdAndRestoresTheBatchsContext() {
        MDC.put(CorrelationId.MDC_KEY, "batch");

        RecordLogContext.run(record("req-1"), this::look);
        RecordLogContext.run(record(null), this::look);   // no header: no id, rather than the previous record's
        assertThatThrownBy(() -> RecordLogContext.run(record("req-3"), () -> {
            look();
            throw new IllegalStateException("handling failed");
        })).hasMessage("handling failed");

        assertThat(seen).containsExactly("req-1", null, "req-3");
        assertThat(MDC.get(CorrelationId.MDC_KEY)).isEqualTo("batch");
    }

    @Test
    void leavesNoIdBehindWhenThereWasNoneBefore() {
        RecordLogContext.run(record("req-1"), this::look);

        assertThat(seen).containsExactly("req-1");
        assertThat(MDC.get(CorrelationId.MDC_KEY)).isNull();
        assertThat(RecordLogContext.correlationId(record("req-9"))).contains("req-9");
        assertThat(RecordLogContext.correlationId(record(null))).isEmpty();
    }
}
