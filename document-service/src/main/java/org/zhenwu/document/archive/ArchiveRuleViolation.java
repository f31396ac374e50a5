package org.zhenwu.document.archive;

/** An archive rule refuses the action now (→ 409 naming the rule): already archived, on loan, not finished… */
class ArchiveRuleViolation extends RuntimeException {
    private final String rule;

    ArchiveRuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    String rule() {
        return rule;
    }
}
