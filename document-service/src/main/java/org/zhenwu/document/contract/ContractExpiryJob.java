package org.zhenwu.document.contract;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** 合同到期提醒. Every instance runs it; row locks keep them apart and a flag makes each reminder once. */
@Component
class ContractExpiryJob {
    private static final Logger log = LoggerFactory.getLogger(ContractExpiryJob.class);
    private static final int BATCH = 200;
    private final ContractService contracts;

    ContractExpiryJob(ContractService contracts) {
        this.contracts = contracts;
    }

    @Scheduled(fixedDelayString = "${zhenwu.document.contract.check-interval:1h}",
               initialDelayString = "${zhenwu.document.contract.check-delay:30s}")
    void run() {
        int acted;
        do {
            acted = contracts.announceExpiring(BATCH);
            if (acted > 0) {
                log.info("Contract expiry: {} contracts announced as expiring", acted);
            }
        } while (acted >= BATCH);
    }
}
