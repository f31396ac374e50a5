package org.zhenwu.congress.suggestion;

/** A business rule of the loop refused an action that the status alone would allow. → 409 with {@code rule}. */
class SuggestionRuleViolation extends RuntimeException {
    private final String rule;
    private final SuggestionStatus currentStatus;

    SuggestionRuleViolation(String rule, SuggestionStatus currentStatus, String message) {
        super(message);
        this.rule = rule;
        this.currentStatus = currentStatus;
    }

    String rule() {
        return rule;
    }

    SuggestionStatus currentStatus() {
        return currentStatus;
    }
}
