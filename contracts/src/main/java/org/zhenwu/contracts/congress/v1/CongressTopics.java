package org.zhenwu.contracts.congress.v1;

/** Topics published by congress-service. Key: the aggregate id. */
public final class CongressTopics {
    /** Lifecycle events of a deputies' suggestion (代表建议). */
    public static final String SUGGESTION_EVENTS = "congress.suggestion.v1";
    /** Livelihood-project voting (民生实事项目票决制): votes tallied at a session. Key: voteId. */
    public static final String LIVELIHOOD_EVENTS = "congress.livelihood.v1";
    /** Budget supervision (预算联网监督): deviations flagged to the presidium. Key: budgetLineId. */
    public static final String BUDGET_EVENTS = "congress.budget.v1";

    private CongressTopics() {
    }
}
