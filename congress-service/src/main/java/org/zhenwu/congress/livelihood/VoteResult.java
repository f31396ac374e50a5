package org.zhenwu.congress.livelihood;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One candidate's line of a tallied vote. */
@Embeddable
class VoteResult {
    private UUID projectId;
    private long votes;
    @Column(name = "vote_rank")
    private int rank;
    @Enumerated(EnumType.STRING)
    private Tally.Outcome outcome;

    protected VoteResult() {
        // for JPA
    }

    VoteResult(Tally.Line line) {
        this.projectId = line.projectId();
        this.votes = line.votes();
        this.rank = line.rank();
        this.outcome = line.outcome();
    }

    UUID projectId() { return projectId; }
    long votes() { return votes; }
    int rank() { return rank; }
    Tally.Outcome outcome() { return outcome; }
}
