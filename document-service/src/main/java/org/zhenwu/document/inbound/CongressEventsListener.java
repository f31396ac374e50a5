package org.zhenwu.document.inbound;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.zhenwu.contracts.congress.v1.CongressTopics;
import org.zhenwu.contracts.congress.v1.SuggestionAssigned;
import org.zhenwu.contracts.congress.v1.SuggestionClosed;
import org.zhenwu.contracts.congress.v1.SuggestionReplied;
import org.zhenwu.contracts.congress.v1.SuggestionSubmitted;
import org.zhenwu.document.report.ReportFeedService;
import org.zhenwu.document.supervision.SupervisionService;
import org.zhenwu.platform.kafka.IntegrationEventReader;

/**
 * The one listener of this service on the congress suggestion topic. A suggestion assigned (交办) to a unit becomes a
 * 督办 task and dates the suggestion in the annual summary; replies and closures feed the summary's on-time reply
 * rate. Each consumer claims the event in its own inbox row, so a retry after a failure in the second one does not
 * repeat the first. Other types on the topic are not ours.
 */
@Component
class CongressEventsListener {
    private final SupervisionService supervision;
    private final ReportFeedService reports;
    private final IntegrationEventReader events;

    CongressEventsListener(SupervisionService supervision, ReportFeedService reports, IntegrationEventReader events) {
        this.supervision = supervision;
        this.reports = reports;
        this.events = events;
    }

    @KafkaListener(topics = CongressTopics.SUGGESTION_EVENTS, groupId = "document-service")
    void on(ConsumerRecord<String, String> record) {
        String type = events.typeOf(record).orElse("");
        if (SuggestionSubmitted.TYPE.equals(type)) {
            reports.onSuggestionSubmitted(events.read(record, SuggestionSubmitted.class));
        } else if (SuggestionAssigned.TYPE.equals(type)) {
            SuggestionAssigned event = events.read(record, SuggestionAssigned.class);
            supervision.onSuggestionAssigned(event);
            reports.onSuggestionAssigned(event);
        } else if (SuggestionReplied.TYPE.equals(type)) {
            reports.onSuggestionReplied(events.read(record, SuggestionReplied.class));
        } else if (SuggestionClosed.TYPE.equals(type)) {
            reports.onSuggestionClosed(events.read(record, SuggestionClosed.class));
        }
    }
}
