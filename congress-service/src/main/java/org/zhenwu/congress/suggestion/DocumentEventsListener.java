package org.zhenwu.congress.suggestion;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.zhenwu.contracts.document.v1.DocumentTopics;
import org.zhenwu.contracts.document.v1.SupervisionCompleted;
import org.zhenwu.platform.kafka.IntegrationEventReader;

/** Supervision tasks completed in document-service. Other event types on the topic are not ours. */
@Component
class DocumentEventsListener {
    private final SuggestionService suggestions;
    private final IntegrationEventReader events;

    DocumentEventsListener(SuggestionService suggestions, IntegrationEventReader events) {
        this.suggestions = suggestions;
        this.events = events;
    }

    @KafkaListener(topics = DocumentTopics.SUPERVISION_EVENTS, groupId = SuggestionService.CONSUMER)
    void on(ConsumerRecord<String, String> record) {
        if (events.typeOf(record).filter(SupervisionCompleted.TYPE::equals).isPresent()) {
            suggestions.onSupervisionCompleted(events.read(record, SupervisionCompleted.class));
        }
    }
}
