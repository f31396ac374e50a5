package org.zhenwu.congress.suggestion;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Reminds units before their deadlines and escalates overdue replies and co-unit views. Row locks keep instances apart. */
@Component
class SuggestionDeadlineJob {
    private static final Logger log = LoggerFactory.getLogger(SuggestionDeadlineJob.class);
    private final SuggestionService suggestions;

    SuggestionDeadlineJob(SuggestionService suggestions) {
        this.suggestions = suggestions;
    }

    @Scheduled(fixedDelayString = "${zhenwu.congress.deadline-check-interval:10m}",
            initialDelayString = "${zhenwu.congress.deadline-check-delay:30s}")
    void run() {
        int acted;
        do {
            acted = suggestions.checkDeadlines(200);
            if (acted > 0) {
                log.info("Deadline check: {} suggestions reminded or escalated", acted);
            }
        } while (acted >= 200);
    }
}
