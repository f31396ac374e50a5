package org.zhenwu.servicehall.rating;

/** A rule of 好差评 refused an action that the status alone would allow. → 409 with {@code rule}. */
class RatingRuleViolation extends RuntimeException {
    private final String rule;

    RatingRuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    String rule() {
        return rule;
    }
}
