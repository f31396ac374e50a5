package org.zhenwu.hotline.workorder;

/** A business rule of the loop refused an action that the status alone would allow. → 409 with {@code rule}. */
class WorkOrderRuleViolation extends RuntimeException {
    private final String rule;

    WorkOrderRuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    String rule() {
        return rule;
    }
}
