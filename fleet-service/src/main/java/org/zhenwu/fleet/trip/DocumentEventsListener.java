package org.zhenwu.fleet.trip;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.zhenwu.contracts.document.v1.DocumentTopics;
import org.zhenwu.contracts.document.v1.MeetingCancelled;
import org.zhenwu.contracts.document.v1.MeetingTransportRequested;
import org.zhenwu.platform.kafka.IntegrationEventReader;

/**
 * The one listener of this service on document-service's meeting topic: a meeting's transport (会议用车) becomes a
 * trip request, and a cancelled meeting withdraws a request nobody approved yet. Other types are not ours.
 */
@Component
class DocumentEventsListener {
    private final TripService trips;
    private final IntegrationEventReader events;

    DocumentEventsListener(TripService trips, IntegrationEventReader events) {
        this.trips = trips;
        this.events = events;
    }

    @KafkaListener(topics = DocumentTopics.MEETING_EVENTS, groupId = "fleet-service")
    void on(ConsumerRecord<String, String> record) {
        String type = events.typeOf(record).orElse("");
        if (MeetingTransportRequested.TYPE.equals(type)) {
            trips.onMeetingTransportRequested(events.read(record, MeetingTransportRequested.class));
        } else if (MeetingCancelled.TYPE.equals(type)) {
            trips.onMeetingCancelled(events.read(record, MeetingCancelled.class));
        }
    }
}
