package org.zhenwu.congress.budget;

/** A budget-supervision rule refused an action. → 409 with {@code rule}. */
class BudgetRuleViolation extends RuntimeException {
    private final String rule;

    BudgetRuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    String rule() {
        return rule;
    }
}
