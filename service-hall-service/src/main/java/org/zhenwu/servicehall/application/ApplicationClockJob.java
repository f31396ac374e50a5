package org.zhenwu.servicehall.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Turns application clocks yellow and red (黄灯/红灯). Row locks keep several instances apart. */
@Component
class ApplicationClockJob {
    private static final Logger log = LoggerFactory.getLogger(ApplicationClockJob.class);
    private final ApplicationService applications;

    ApplicationClockJob(ApplicationService applications) {
        this.applications = applications;
    }

    @Scheduled(fixedDelayString = "${zhenwu.service-hall.applications.clock-check-interval:60s}",
            initialDelayString = "${zhenwu.service-hall.applications.clock-check-delay:20s}")
    void run() {
        int changed;
        do {
            changed = applications.checkClocks(200);
            if (changed > 0) {
                log.info("Clock check: {} applications turned yellow or red", changed);
            }
        } while (changed >= 200);
    }
}
