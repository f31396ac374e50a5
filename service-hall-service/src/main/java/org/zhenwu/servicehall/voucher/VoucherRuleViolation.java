package org.zhenwu.servicehall.voucher;

/** A voucher rule refused the action. → 409 with {@code rule}. */
class VoucherRuleViolation extends RuntimeException {
    private final String rule;

    VoucherRuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    String rule() {
        return rule;
    }
}
