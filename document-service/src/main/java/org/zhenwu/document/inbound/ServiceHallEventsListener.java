package org.zhenwu.document.inbound;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.zhenwu.contracts.servicehall.v1.ApplicationAccepted;
import org.zhenwu.contracts.servicehall.v1.ApplicationCompleted;
import org.zhenwu.contracts.servicehall.v1.ApplicationWithdrawn;
import org.zhenwu.contracts.servicehall.v1.ServiceHallTopics;
import org.zhenwu.document.report.ReportFeedService;
import org.zhenwu.platform.kafka.IntegrationEventReader;

/** The one listener of this service on the service-hall application topic: 受理 and 办结 feed the annual summary. */
@Component
class ServiceHallEventsListener extends EventBatchListener {
    private final ReportFeedService reports;

    ServiceHallEventsListener(ReportFeedService reports, IntegrationEventReader events) {
        super(events, Map.of(ApplicationAccepted.TYPE, ApplicationAccepted.class,
                ApplicationCompleted.TYPE, ApplicationCompleted.class, ApplicationWithdrawn.TYPE, ApplicationWithdrawn.class));
        this.reports = reports;
    }

    /** Counts a poll's accepted, completed and withdrawn applications in one transaction. */
    @KafkaListener(topics = ServiceHallTopics.APPLICATION_EVENTS, groupId = "document-service", batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        handle(records, reports::count, r -> { });
    }
}
