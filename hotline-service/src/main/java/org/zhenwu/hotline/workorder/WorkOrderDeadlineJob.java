package org.zhenwu.hotline.workorder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Reminds departments before deadlines and escalates overdue orders (超期督办). Row locks keep instances apart. */
@Component
class WorkOrderDeadlineJob {
    private static final Logger log = LoggerFactory.getLogger(WorkOrderDeadlineJob.class);
    private final WorkOrderService workOrders;

    WorkOrderDeadlineJob(WorkOrderService workOrders) {
        this.workOrders = workOrders;
    }

    @Scheduled(fixedDelayString = "${zhenwu.hotline.deadline-check-interval:60s}", initialDelayString = "${zhenwu.hotline.deadline-check-delay:20s}")
    void run() {
        int acted;
        do {
            acted = workOrders.checkDeadlines(200);
            if (acted > 0) {
                log.info("Deadline check: {} work orders reminded or escalated", acted);
            }
        } while (acted >= 200);
    }
}
