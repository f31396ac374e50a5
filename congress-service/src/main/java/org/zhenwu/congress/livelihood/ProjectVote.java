package org.zhenwu.congress.livelihood;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.BatchSize;
import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A livelihood-project vote (票决) at a session: the shortlisted candidates in ballot order, how many may be elected,
 * and, once counted, the result. The ballots themselves live beside it (see {@link Ballots}), anonymous and immutable.
 */
@Entity
@Table(name = "livelihood_vote")
class ProjectVote {
    @Id
    private UUID id;
    private String townCode;
    private UUID sessionId;
    private String sessionName;
    private String title;
    private int seats;
    @Enumerated(EnumType.STRING)
    private VoteStatus status;
    private long seated;
    private long present;
    @Enumerated(EnumType.STRING)
    private MajorityBase majorityBase;
    private Long majorityThreshold;
    private Long ballotsCast;
    private String ballotDigest;
    private Instant openedAt;
    private String openedBy;
    private Instant talliedAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "livelihood_vote_candidate", joinColumns = @JoinColumn(name = "vote_id"))
    @OrderColumn(name = "list_index")
    @Column(name = "project_id")
    @BatchSize(size = 50)
    private List<UUID> candidates = new ArrayList<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "livelihood_vote_result", joinColumns = @JoinColumn(name = "vote_id"))
    @OrderColumn(name = "list_index")
    @BatchSize(size = 50)
    private List<VoteResult> results = new ArrayList<>();
    @Version
    private long version;

    protected ProjectVote() {
        // for JPA
    }

    /**
     * Opens the ballot: more candidates than seats (差额), and a quorum present, decided by the caller from the
     * session's attendance.
     */
    static ProjectVote open(UUID id, String townCode, UUID sessionId, String sessionName, String title, int seats,
                            List<UUID> candidates, long seated, long present, boolean quorate, MajorityBase base,
                            String actor, Instant now) {
        if (seats < 1) {
            throw new InvalidFieldException("seats", "at least one project is elected");
        }
        if (new HashSet<>(candidates).size() != candidates.size()) {
            throw new InvalidFieldException("candidateIds", "names a project more than once");
        }
        if (candidates.size() <= seats) {
            throw new InvalidFieldException("candidateIds", "差额票决: more candidates than seats (" + seats + ") are needed");
        }
        if (!quorate) {
            throw new LivelihoodRuleViolation("no-quorum", null, present + " of " + seated
                    + " deputies are present; the vote needs a quorum");
        }
        ProjectVote v = new ProjectVote();
        v.id = id;
        v.townCode = townCode;
        v.sessionId = sessionId;
        v.sessionName = sessionName;
        v.title = title;
        v.seats = seats;
        v.status = VoteStatus.OPEN;
        v.seated = seated;
        v.present = present;
        v.majorityBase = base;
        v.openedAt = now;
        v.openedBy = actor;
        v.candidates.addAll(candidates);
        return v;
    }

    /** A ballot's choices: up to {@code seats} distinct candidates, none other. An empty ballot abstains. */
    List<UUID> checkChoices(List<UUID> choices) {
        if (new HashSet<>(choices).size() != choices.size()) {
            throw new InvalidFieldException("choices", "names a project more than once");
        }
        if (choices.size() > seats) {
            throw new InvalidFieldException("choices", "choose at most " + seats + " projects");
        }
        for (UUID c : choices) {
            if (!candidates.contains(c)) {
                throw new InvalidFieldException("choices", c + " is not on this ballot");
            }
        }
        return choices.stream().sorted(java.util.Comparator.comparingInt(candidates::indexOf)).toList();
    }

    /** Counts the ballots, once. */
    Tally.Result tally(List<Tally.Ballot> ballots, Instant now) {
        if (!status.canMoveTo(VoteStatus.TALLIED)) {
            throw new IllegalTransitionException("Livelihood vote", id, status, VoteStatus.TALLIED);
        }
        long base = switch (majorityBase) {
            case SEATED -> seated;
            case PRESENT -> present;
            case BALLOTS -> ballots.size();
        };
        long threshold = Tally.majorityOf(base);
        Tally.Result result = Tally.count(candidates, seats, threshold, ballots);
        status = VoteStatus.TALLIED;
        majorityThreshold = threshold;
        ballotsCast = result.ballotsCast();
        ballotDigest = result.digest();
        talliedAt = now;
        result.lines().forEach(l -> results.add(new VoteResult(l)));
        return result;
    }

    void requireOpen() {
        if (status != VoteStatus.OPEN) {
            throw new IllegalTransitionException("Livelihood vote", id, status.name(), null,
                    "Vote " + id + " is " + status + ": no more ballots");
        }
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    UUID sessionId() { return sessionId; }
    String sessionName() { return sessionName; }
    String title() { return title; }
    int seats() { return seats; }
    VoteStatus status() { return status; }
    long seated() { return seated; }
    long present() { return present; }
    MajorityBase majorityBase() { return majorityBase; }
    Long majorityThreshold() { return majorityThreshold; }
    Long ballotsCast() { return ballotsCast; }
    String ballotDigest() { return ballotDigest; }
    Instant openedAt() { return openedAt; }
    Instant talliedAt() { return talliedAt; }
    List<UUID> candidates() { return List.copyOf(candidates); }
    List<VoteResult> results() { return List.copyOf(results); }
}
