package org.zhenwu.document.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.zhenwu.contracts.congress.v1.CongressTopics;
import org.zhenwu.contracts.congress.v1.SuggestionAssigned;
import org.zhenwu.document.supervision.SupervisionService;
import org.zhenwu.platform.kafka.IntegrationEventReader;

/** A deputies' suggestion assigned (交办) to a unit becomes a 督办 task. Other types on the topic are not ours. */
@Component
class CongressEventsListener {
    private final SupervisionService supervision;
    private final IntegrationEventReader events;

    CongressEventsListener(SupervisionService supervision, IntegrationEventReader events) {
        this.supervision = supervision;
        this.events = events;
    }

    @KafkaListener(topics = CongressTopics.SUGGESTION_EVENTS, groupId = "document-service")
    void on(ConsumerRecord<String, String> record) {
        if (events.typeOf(record).filter(SuggestionAssigned.TYPE::equals).isPresent()) {
            supervision.onSuggestionAssigned(events.read(record, SuggestionAssigned.class));
        }
    }
}
