package org.zhenwu.document.classified;

/** A secrecy rule refused the action. → 409 with {@code rule}. */
class ClassifiedRuleViolation extends RuntimeException {
    private final String rule;

    ClassifiedRuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    String rule() {
        return rule;
    }
}
