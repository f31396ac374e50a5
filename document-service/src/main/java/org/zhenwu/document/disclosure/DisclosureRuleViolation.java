package org.zhenwu.document.disclosure;

/** A 政务公开 rule refuses the action now (→ 409 naming the rule), e.g. a source document that became classified. */
class DisclosureRuleViolation extends RuntimeException {
    private final String rule;

    DisclosureRuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    String rule() {
        return rule;
    }
}
