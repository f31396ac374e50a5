package org.zhenwu.document.outgoing;

/** A rule of the 发文 workflow refused an action that the status alone would allow. → 409 with {@code rule}. */
class OutgoingRuleViolation extends RuntimeException {
    private final String rule;

    OutgoingRuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    String rule() {
        return rule;
    }
}
