package org.zhenwu.document.incoming;

/** A rule of the 收文 workflow refused an action that the status alone would allow. → 409 with {@code rule}. */
class IncomingRuleViolation extends RuntimeException {
    private final String rule;

    IncomingRuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    String rule() {
        return rule;
    }
}
