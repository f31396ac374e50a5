package org.zhenwu.document.inbound;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.zhenwu.contracts.fleet.v1.FleetTopics;
import org.zhenwu.contracts.fleet.v1.TripCompleted;
import org.zhenwu.document.report.ReportFeedService;
import org.zhenwu.platform.kafka.IntegrationEventReader;

/** The one listener of this service on the fleet trip topic: settled trips feed the annual summary. */
@Component
class FleetEventsListener extends EventBatchListener {
    private final ReportFeedService reports;

    FleetEventsListener(ReportFeedService reports, IntegrationEventReader events) {
        super(events, Map.of(TripCompleted.TYPE, TripCompleted.class));
        this.reports = reports;
    }

    /** Counts a poll's settled trips in one transaction. */
    @KafkaListener(topics = FleetTopics.TRIP_EVENTS, groupId = "document-service", batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        handle(records, reports::count, r -> { });
    }
}
