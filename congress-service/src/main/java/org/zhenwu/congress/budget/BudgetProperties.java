package org.zhenwu.congress.budget;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param underExecutionPoints a line is under-executed when the share of its planned amount spent lags the share of
 *                             the year gone by more than this many percentage points (20: under 30% at the end of June)
 */
@ConfigurationProperties("zhenwu.congress.budget")
record BudgetProperties(@DefaultValue("20") int underExecutionPoints) {
    BudgetProperties {
        if (underExecutionPoints < 0 || underExecutionPoints > 100) {
            throw new IllegalArgumentException("zhenwu.congress.budget.under-execution-points must be 0..100");
        }
    }
}
