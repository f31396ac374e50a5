package org.zhenwu.document.contract;

/**
 * Risk flags (风险提示), computed when read, never stored: each is one SQL condition on {@code contract c} with the
 * parameters {@code :today} and {@code :expiringUntil} (today + the configured reminder days), so the list filter,
 * the detail and the figures cannot disagree.
 */
public enum ContractRisk {
    /** signed or being performed without a passing legal review (possible for imported historical contracts) */
    NO_REVIEW("c.status IN ('SIGNED', 'IN_PERFORMANCE') AND (c.review_outcome IS NULL"
            + " OR c.review_outcome NOT IN ('APPROVED', 'APPROVED_WITH_CHANGES'))"),
    /** the end date has passed and it is neither completed nor terminated */
    EXPIRED("c.term_end < :today AND c.status NOT IN ('COMPLETED', 'TERMINATED')"),
    /** a performance milestone (履约节点) is past its due date and not done */
    MILESTONE_OVERDUE("c.status NOT IN ('COMPLETED', 'TERMINATED') AND EXISTS (SELECT 1 FROM contract_milestone m"
            + " WHERE m.contract_id = c.id AND m.done_on IS NULL AND m.due_date < :today)"),
    /** signed or being performed, and it ends within the reminder days */
    EXPIRING("c.status IN ('SIGNED', 'IN_PERFORMANCE') AND c.term_end BETWEEN :today AND :expiringUntil");

    final String condition;

    ContractRisk(String condition) {
        this.condition = condition;
    }

    /** {@code (cond) AS NO_REVIEW, …}: one 0/1 column per flag. */
    static String columns() {
        StringBuilder s = new StringBuilder();
        for (ContractRisk r : values()) {
            s.append(s.length() == 0 ? "" : ", ").append("(").append(r.condition).append(") AS ").append(r.name());
        }
        return s.toString();
    }
}
