package org.zhenwu.congress.livelihood;

/** A voting or project rule refused an action. → 409 with {@code rule} (and {@code currentStatus} when there is one). */
class LivelihoodRuleViolation extends RuntimeException {
    private final String rule;
    private final String currentStatus;

    LivelihoodRuleViolation(String rule, Enum<?> currentStatus, String message) {
        super(message);
        this.rule = rule;
        this.currentStatus = currentStatus == null ? null : currentStatus.name();
    }

    String rule() {
        return rule;
    }

    String currentStatus() {
        return currentStatus;
    }
}
