package org.zhenwu.congress.budget;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Embeddable;

/** What a budget line spent in one month, as imported. */
@Embeddable
class MonthlyExecution {
    private int month;
    private BigDecimal spent;
    private Instant importedAt;

    protected MonthlyExecution() {
        // for JPA
    }

    MonthlyExecution(int month, BigDecimal spent, Instant importedAt) {
        this.month = month;
        this.spent = spent;
        this.importedAt = importedAt;
    }

    int month() { return month; }
    BigDecimal spent() { return spent; }
    Instant importedAt() { return importedAt; }
}
