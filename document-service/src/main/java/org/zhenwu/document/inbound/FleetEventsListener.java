package org.zhenwu.document.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.zhenwu.contracts.fleet.v1.FleetTopics;
import org.zhenwu.contracts.fleet.v1.TripCompleted;
import org.zhenwu.document.report.ReportFeedService;
import org.zhenwu.platform.kafka.IntegrationEventReader;

/** The one listener of this service on the fleet trip topic: settled trips feed the annual summary. */
@Component
class FleetEventsListener {
    private final ReportFeedService reports;
    private final IntegrationEventReader events;

    FleetEventsListener(ReportFeedService reports, IntegrationEventReader events) {
        this.reports = reports;
        this.events = events;
    }

    @KafkaListener(topics = FleetTopics.TRIP_EVENTS, groupId = "document-service")
    void on(ConsumerRecord<String, String> record) {
        if (events.typeOf(record).filter(TripCompleted.TYPE::equals).isPresent()) {
            reports.onTripCompleted(events.read(record, TripCompleted.class));
        }
    }
}
