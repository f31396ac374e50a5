package org.zhenwu.document.inbound;

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
class ServiceHallEventsListener {
    private final ReportFeedService reports;
    private final IntegrationEventReader events;

    ServiceHallEventsListener(ReportFeedService reports, IntegrationEventReader events) {
        this.reports = reports;
        this.events = events;
    }

    @KafkaListener(topics = ServiceHallTopics.APPLICATION_EVENTS, groupId = "document-service")
    void on(ConsumerRecord<String, String> record) {
        String type = events.typeOf(record).orElse("");
        if (ApplicationAccepted.TYPE.equals(type)) {
            reports.onApplicationAccepted(events.read(record, ApplicationAccepted.class));
        } else if (ApplicationCompleted.TYPE.equals(type)) {
            reports.onApplicationCompleted(events.read(record, ApplicationCompleted.class));
        } else if (ApplicationWithdrawn.TYPE.equals(type)) {
            reports.onApplicationWithdrawn(events.read(record, ApplicationWithdrawn.class));
        }
    }
}
