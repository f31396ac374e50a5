package org.zhenwu.document.supervision;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Reminders before the deadline and overdue escalation. Every instance runs it; row locks keep them apart. */
@Component
class SupervisionDeadlineJob {
    private static final Logger log = LoggerFactory.getLogger(SupervisionDeadlineJob.class);
    private final SupervisionService supervision;

    SupervisionDeadlineJob(SupervisionService supervision) {
        this.supervision = supervision;
    }

    @Scheduled(fixedDelayString = "${zhenwu.document.supervision.check-interval:60s}",
               initialDelayString = "${zhenwu.document.supervision.check-delay:30s}")
    void run() {
        int acted;
        do {
            acted = supervision.checkDeadlines(200);
            if (acted > 0) {
                log.info("Supervision deadlines: {} tasks reminded or escalated", acted);
            }
        } while (acted >= 200);
    }
}
