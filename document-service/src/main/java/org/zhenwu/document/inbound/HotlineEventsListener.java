package org.zhenwu.document.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.zhenwu.contracts.hotline.v1.HotlineTopics;
import org.zhenwu.contracts.hotline.v1.WorkOrderCreated;
import org.zhenwu.contracts.hotline.v1.WorkOrderEscalated;
import org.zhenwu.contracts.hotline.v1.WorkOrderMerged;
import org.zhenwu.document.report.ReportFeedService;
import org.zhenwu.document.supervision.SupervisionService;
import org.zhenwu.platform.kafka.IntegrationEventReader;

/**
 * The one listener of this service on the hotline topic (one consumer group per service: two listeners would split
 * the partitions between them). Created orders count into the annual summary and merged ones (并单) leave it;
 * escalated ones open a 督办 task. Other types are not ours.
 */
@Component
class HotlineEventsListener {
    private final ReportFeedService reports;
    private final SupervisionService supervision;
    private final IntegrationEventReader events;

    HotlineEventsListener(ReportFeedService reports, SupervisionService supervision, IntegrationEventReader events) {
        this.reports = reports;
        this.supervision = supervision;
        this.events = events;
    }

    @KafkaListener(topics = HotlineTopics.WORK_ORDER_EVENTS, groupId = "document-service")
    void on(ConsumerRecord<String, String> record) {
        String type = events.typeOf(record).orElse("");
        if (WorkOrderCreated.TYPE.equals(type)) {
            reports.onWorkOrderCreated(events.read(record, WorkOrderCreated.class));
        } else if (WorkOrderMerged.TYPE.equals(type)) {
            reports.onWorkOrderMerged(events.read(record, WorkOrderMerged.class));
        } else if (WorkOrderEscalated.TYPE.equals(type)) {
            supervision.onWorkOrderEscalated(events.read(record, WorkOrderEscalated.class));
        }
    }
}
