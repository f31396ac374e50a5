package org.zhenwu.document.inbound;

import java.util.List;
import java.util.Map;

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
class HotlineEventsListener extends EventBatchListener {
    private final ReportFeedService reports;
    private final SupervisionService supervision;

    HotlineEventsListener(ReportFeedService reports, SupervisionService supervision, IntegrationEventReader events) {
        super(events, Map.of(WorkOrderCreated.TYPE, WorkOrderCreated.class,
                WorkOrderMerged.TYPE, WorkOrderMerged.class, WorkOrderEscalated.TYPE, WorkOrderEscalated.class));
        this.reports = reports;
        this.supervision = supervision;
    }

    /** Counts a poll's created and merged orders in one transaction, then opens the escalations' tasks one by one. */
    @KafkaListener(topics = HotlineTopics.WORK_ORDER_EVENTS, groupId = "document-service", batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        handle(records, reports::count, each(WorkOrderEscalated.class,
                supervision::onWorkOrderEscalated));
    }
}
