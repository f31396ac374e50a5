package org.zhenwu.servicehall.queue;

/** A rule of the queue refused an action that the status alone would allow. → 409 with {@code rule}. */
class QueueRuleViolation extends RuntimeException {
    private final String rule;
    private final String field;

    QueueRuleViolation(String rule, String message) {
        this(rule, null, message);
    }

    /** @param field the request field at fault (a duplicate code), named in the problem's {@code errors} */
    QueueRuleViolation(String rule, String field, String message) {
        super(message);
        this.rule = rule;
        this.field = field;
    }

    String rule() {
        return rule;
    }

    String field() {
        return field;
    }
}
