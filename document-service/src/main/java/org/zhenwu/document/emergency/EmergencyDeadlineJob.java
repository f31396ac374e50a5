package org.zhenwu.document.emergency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Flags upward reports past their deadline as overdue. Every instance runs it; row locks keep them apart. */
@Component
class EmergencyDeadlineJob {
    private static final Logger log = LoggerFactory.getLogger(EmergencyDeadlineJob.class);
    private final EmergencyService emergencies;

    EmergencyDeadlineJob(EmergencyService emergencies) {
        this.emergencies = emergencies;
    }

    @Scheduled(fixedDelayString = "${zhenwu.document.emergency.check-interval:60s}",
               initialDelayString = "${zhenwu.document.emergency.check-delay:30s}")
    void run() {
        int acted;
        do {
            acted = emergencies.flagOverdue(200);
            if (acted > 0) {
                log.info("Emergency reports: {} flagged overdue", acted);
            }
        } while (acted >= 200);
    }
}
