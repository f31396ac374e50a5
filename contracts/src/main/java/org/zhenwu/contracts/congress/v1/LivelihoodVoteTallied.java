package org.zhenwu.contracts.congress.v1;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * The deputies' ballots on livelihood projects (民生实事项目票决) were counted at a session and the result is final.
 * Topic {@value CongressTopics#LIVELIHOOD_EVENTS}, key voteId. Anyone can recount: the anonymous ballots are kept and
 * {@code ballotDigest} is the SHA-256 of them in canonical order. Evolve additively only (new nullable fields);
 * anything else is a new v2 type.
 *
 * @param session           e.g. 第十七届人民代表大会第八次会议
 * @param seats             how many projects could be elected (each ballot chooses up to this many)
 * @param seated            deputies of the term (全体代表)
 * @param present           deputies checked in when the vote opened
 * @param ballotsCast       ballots received, one per deputy
 * @param majorityThreshold the votes a project needed to be elected (more than half of its base)
 * @param results           every candidate in ballot order
 */
public record LivelihoodVoteTallied(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction, UUID voteId,
                                    UUID sessionId, String session, String title, int seats, long seated, long present,
                                    long ballotsCast, long majorityThreshold, List<Result> results, String ballotDigest)
        implements IntegrationEvent {
    public static final String TYPE = "congress.LivelihoodVoteTallied";

    /**
     * @param rank    1 for the most votes; candidates with equal votes share a rank
     * @param outcome ELECTED, NOT_ELECTED, or TIED (equal votes across the last seat: a further vote decides)
     */
    public record Result(UUID projectId, String title, long votes, int rank, String outcome) {
    }

    public LivelihoodVoteTallied {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(voteId, "voteId");
        results = results == null ? List.of() : List.copyOf(results);
    }

    public static LivelihoodVoteTallied of(String jurisdiction, UUID voteId, UUID sessionId, String session, String title,
                                           int seats, long seated, long present, long ballotsCast, long majorityThreshold,
                                           List<Result> results, String ballotDigest, Instant at) {
        return new LivelihoodVoteTallied(UUID.randomUUID(), 1, at, jurisdiction, voteId, sessionId, session, title, seats,
                seated, present, ballotsCast, majorityThreshold, results, ballotDigest);
    }
}
