package org.zhenwu.document.inbound;

import java.util.List;
import java.util.Map;

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
class CongressEventsListener extends EventBatchListener {
    private final SupervisionService supervision;
    private final ReportFeedService reports;

    CongressEventsListener(SupervisionService supervision, ReportFeedService reports, IntegrationEventReader events) {
        super(events, Map.of(SuggestionSubmitted.TYPE, SuggestionSubmitted.class,
                SuggestionAssigned.TYPE, SuggestionAssigned.class, SuggestionReplied.TYPE, SuggestionReplied.class,
                SuggestionClosed.TYPE, SuggestionClosed.class));
        this.supervision = supervision;
        this.reports = reports;
    }

    /** Counts a poll's events in one transaction, then opens or moves the assignments' tasks one by one. */
    @KafkaListener(topics = CongressTopics.SUGGESTION_EVENTS, groupId = "document-service", batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        handle(records, reports::count, each(SuggestionAssigned.class,
                supervision::onSuggestionAssigned));
    }
}
