package org.zhenwu.congress.livelihood;

/** What "more than half" is counted against when electing a project. */
public enum MajorityBase {
    /** 全体代表: the term's seated deputies (the default, the strictest). */
    SEATED,
    /** The deputies present when the vote opened. */
    PRESENT,
    /** The ballots actually cast. */
    BALLOTS
}
