package org.zhenwu.fleet.upkeep;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks for licences and insurance about to end. Safe in several instances: each fact raises one alert. */
@Component
class ExpiryJob {
    private static final Logger log = LoggerFactory.getLogger(ExpiryJob.class);
    private final UpkeepService upkeep;

    ExpiryJob(UpkeepService upkeep) {
        this.upkeep = upkeep;
    }

    @Scheduled(fixedDelayString = "${zhenwu.fleet.expiry-check-interval:6h}", initialDelayString = "${zhenwu.fleet.expiry-check-delay:60s}")
    void run() {
        int raised = upkeep.checkExpiries();
        if (raised > 0) {
            log.info("Expiry check: {} licence or insurance alerts raised", raised);
        }
    }
}
