package org.zhenwu.contracts.congress.v1;

/** Topics published by congress-service. Key: the aggregate id. */
public final class CongressTopics {
    /** Lifecycle events of a deputies' suggestion (代表建议). */
    public static final String SUGGESTION_EVENTS = "congress.suggestion.v1";

    private CongressTopics() {
    }
}
