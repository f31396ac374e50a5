package org.zhenwu.congress.livelihood;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ballots of livelihood votes, in SQL. A secret ballot that is still counted once per deputy:
 * <ul>
 *   <li>{@code livelihood_vote_participation (vote_id, deputy_id)} records <em>that</em> a deputy voted; its primary
 *       key refuses a second ballot, also from two requests at the same moment.</li>
 *   <li>{@code livelihood_ballot (vote_id, ballot_id, choices)} records <em>what</em> was chosen under a random id,
 *       with no time and no deputy: nothing links it to the participation row.</li>
 * </ul>
 * Both rows are written in one transaction that holds a shared lock on the vote row; counting takes the exclusive
 * lock, so it waits for ballots in flight and every later ballot finds the vote closed. Nothing updates or deletes
 * a ballot.
 */
@Component
class Ballots {
    private final JdbcClient jdbc;

    Ballots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The vote's status, under a shared lock held until the caller's transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<VoteStatus> lockShared(UUID voteId, List<String> towns) {
        return jdbc.sql("SELECT status FROM livelihood_vote WHERE id = :id AND town_code IN (:towns) LOCK IN SHARE MODE")
                .param("id", voteId.toString()).param("towns", towns).query(String.class).optional().map(VoteStatus::valueOf);
    }

    /**
     * Takes the vote row exclusively for counting: waits for every ballot in flight (they hold it shared), and
     * ballots arriving meanwhile wait for the count and then find the vote closed. Plain SQL: MariaDB has no
     * {@code FOR UPDATE OF}, which Hibernate's MySQL dialect would write.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean lockExclusive(UUID voteId, List<String> towns) {
        return jdbc.sql("SELECT id FROM livelihood_vote WHERE id = :id AND town_code IN (:towns) FOR UPDATE")
                .param("id", voteId.toString()).param("towns", towns).query(String.class).optional().isPresent();
    }

    /** @return the ballot's id, the deputy's receipt to find it among the published ballots */
    @Transactional(propagation = Propagation.MANDATORY)
    UUID cast(UUID voteId, UUID deputyId, List<UUID> choices, Instant now) {
        try {
            jdbc.sql("INSERT INTO livelihood_vote_participation (vote_id, deputy_id, cast_at) VALUES (?, ?, ?)")
                    .params(voteId.toString(), deputyId.toString(), Timestamp.from(now)).update();
        } catch (DuplicateKeyException e) {
            throw new LivelihoodRuleViolation("already-voted", VoteStatus.OPEN,
                    "Deputy " + deputyId + " has already cast a ballot in this vote");
        }
        UUID ballotId = UUID.randomUUID();
        jdbc.sql("INSERT INTO livelihood_ballot (vote_id, ballot_id, choices) VALUES (?, ?, ?)")
                .params(voteId.toString(), ballotId.toString(),
                        choices.stream().map(UUID::toString).collect(Collectors.joining(","))).update();
        return ballotId;
    }

    List<Tally.Ballot> ballots(UUID voteId) {
        return jdbc.sql("SELECT ballot_id, choices FROM livelihood_ballot WHERE vote_id = ? ORDER BY ballot_id")
                .param(voteId.toString())
                .query((rs, i) -> new Tally.Ballot(UUID.fromString(rs.getString(1)), parse(rs.getString(2)))).list();
    }

    long participants(UUID voteId) {
        return jdbc.sql("SELECT COUNT(*) FROM livelihood_vote_participation WHERE vote_id = ?").param(voteId.toString())
                .query(Long.class).single();
    }

    private static List<UUID> parse(String choices) {
        return choices == null || choices.isEmpty() ? List.of()
                : Arrays.stream(choices.split(",")).map(UUID::fromString).toList();
    }
}
