package org.zhenwu.document.report;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.zhenwu.contracts.hotline.v1.HotlineTopics;
import org.zhenwu.contracts.hotline.v1.WorkOrderCreated;
import org.zhenwu.platform.kafka.IntegrationEventReader;

/** Counts hotline work orders into the annual summary. Other event types on the topic are not ours. */
@Component
class HotlineEventsListener {
    private final AnnualReportService reports;
    private final IntegrationEventReader events;

    HotlineEventsListener(AnnualReportService reports, IntegrationEventReader events) {
        this.reports = reports;
        this.events = events;
    }

    @KafkaListener(topics = HotlineTopics.WORK_ORDER_EVENTS, groupId = "document-service")
    void on(ConsumerRecord<String, String> record) {
        if (events.typeOf(record).filter(WorkOrderCreated.TYPE::equals).isPresent()) {
            reports.onWorkOrderCreated(events.read(record, WorkOrderCreated.class));
        }
    }
}
