package org.zhenwu.congress.suggestion;

/** What was handed in. All run the same loop (交办, A–D reply, feedback); each kind is numbered apart per session. */
public enum SuggestionKind {
    /** 代表建议、批评和意见. */
    SUGGESTION,
    /** 议案: at least the configured number of deputies jointly (five in a town congress). */
    MOTION,
    /** 政协提案: by a CPPCC member, members jointly, a party or group, or a sector (界别). */
    PROPOSAL
}
