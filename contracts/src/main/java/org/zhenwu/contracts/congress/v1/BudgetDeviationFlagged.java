package org.zhenwu.contracts.congress.v1;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * 预算联网监督: a monthly execution import showed a budget line of the town deviating from what the congress
 * approved, and it was flagged to the presidium (主席团). Flagged once per line, month and kind. Topic
 * {@value CongressTopics#BUDGET_EVENTS}, key budgetLineId. Evolve additively only (new nullable fields); anything
 * else is a new v2 type.
 *
 * @param deviation      UNDER_EXECUTION (spending lags the year's elapsed share by more than the tolerance),
 *                       OVER_EXECUTION (spent beyond the planned amount) or BEFORE_APPROVAL (spent in a month
 *                       before the congress approved the budget)
 * @param year           the budget year
 * @param month          the month of the import, 1–12
 * @param plannedAmount  the planned amount in yuan
 * @param spentToDate    spent from January to {@code month}, in yuan
 * @param executionRate  spentToDate / plannedAmount in percent, one decimal; null for a line planned at zero
 */
public record BudgetDeviationFlagged(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction,
                                     UUID budgetLineId, int year, int month, String code, String name,
                                     String department, String deviation, BigDecimal plannedAmount,
                                     BigDecimal spentToDate, BigDecimal executionRate) implements IntegrationEvent {
    public static final String TYPE = "congress.BudgetDeviationFlagged";

    public BudgetDeviationFlagged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(budgetLineId, "budgetLineId");
        Objects.requireNonNull(deviation, "deviation");
    }

    public static BudgetDeviationFlagged of(String jurisdiction, UUID budgetLineId, int year, int month, String code,
                                            String name, String department, String deviation, BigDecimal plannedAmount,
                                            BigDecimal spentToDate, BigDecimal executionRate, Instant at) {
        return new BudgetDeviationFlagged(UUID.randomUUID(), 1, at, jurisdiction, budgetLineId, year, month, code,
                name, department, deviation, plannedAmount, spentToDate, executionRate);
    }
}
