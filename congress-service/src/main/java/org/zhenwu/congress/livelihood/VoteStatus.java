package org.zhenwu.congress.livelihood;

/** A vote is open for ballots, then counted once. */
public enum VoteStatus {
    OPEN, TALLIED;

    public boolean canMoveTo(VoteStatus next) {
        return this == OPEN && next == TALLIED;
    }
}
