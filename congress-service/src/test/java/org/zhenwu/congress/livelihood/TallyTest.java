package org.zhenwu.congress.livelihood;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The count: majority, seats, ties, ranks, and the same answer from the same ballots in any order. */
class TallyTest {
    static final UUID A = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    static final UUID B = UUID.fromString("00000000-0000-4000-8000-00000000000b");
    static final UUID C = UUID.fromString("00000000-0000-4000-8000-00000000000c");
    static final UUID D = UUID.fromString("00000000-0000-4000-8000-00000000000d");
    static final List<UUID> CANDIDATES = List.of(A, B, C, D);

    /** {@code n} ballots choosing {@code choices}. */
    static List<Tally.Ballot> ballots(int n, UUID... choices) {
        List<Tally.Ballot> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new Tally.Ballot(UUID.randomUUID(), List.of(choices)));
        }
        return list;
    }

    static List<Tally.Outcome> outcomes(Tally.Result r) {
        return r.lines().stream().map(Tally.Line::outcome).toList();
    }

    @Test
    void the_seats_go_to_the_most_voted_projects_that_passed_the_majority() {
        List<Tally.Ballot> all = new ArrayList<>();
        all.addAll(ballots(6, A, B));
        all.addAll(ballots(3, A, C));
        all.addAll(ballots(1, D));
        Tally.Result r = Tally.count(CANDIDATES, 2, Tally.majorityOf(10), all);
        assertThat(r.lines()).extracting(Tally.Line::votes).containsExactly(9L, 6L, 3L, 1L);
        assertThat(outcomes(r)).containsExactly(Tally.Outcome.ELECTED, Tally.Outcome.ELECTED, Tally.Outcome.NOT_ELECTED,
                Tally.Outcome.NOT_ELECTED);
        assertThat(r.lines()).extracting(Tally.Line::rank).containsExactly(1, 2, 3, 4);
        assertThat(r.ballotsCast()).isEqualTo(10);
    }

    @Test
    void a_free_seat_stays_free_when_no_other_project_has_a_majority() {
        Tally.Result r = Tally.count(CANDIDATES, 3, Tally.majorityOf(10),
                concat(ballots(6, A, B), ballots(4, C)));
        assertThat(outcomes(r)).containsExactly(Tally.Outcome.ELECTED, Tally.Outcome.ELECTED, Tally.Outcome.NOT_ELECTED,
                Tally.Outcome.NOT_ELECTED);
        assertThat(r.elected()).containsExactly(A, B);
    }

    @Test
    void equal_votes_across_the_last_seat_elect_none_of_the_tied_projects() {
        // A 8, B 6, C 6, D 0 with two seats: A is elected, B and C tie for the second seat
        Tally.Result r = Tally.count(CANDIDATES, 2, Tally.majorityOf(10),
                concat(ballots(6, A, B), ballots(2, A, C), ballots(4, C)));
        assertThat(r.lines()).extracting(Tally.Line::votes).containsExactly(8L, 6L, 6L, 0L);
        assertThat(outcomes(r)).containsExactly(Tally.Outcome.ELECTED, Tally.Outcome.TIED, Tally.Outcome.TIED,
                Tally.Outcome.NOT_ELECTED);
        assertThat(r.lines()).extracting(Tally.Line::rank).containsExactly(1, 2, 2, 4);
    }

    @Test
    void equal_votes_that_fit_the_seats_are_all_elected() {
        Tally.Result r = Tally.count(CANDIDATES, 2, Tally.majorityOf(10), concat(ballots(7, A, B), ballots(3, C)));
        assertThat(outcomes(r)).containsExactly(Tally.Outcome.ELECTED, Tally.Outcome.ELECTED, Tally.Outcome.NOT_ELECTED,
                Tally.Outcome.NOT_ELECTED);
    }

    @ParameterizedTest(name = "base {0} → more than half is {1}")
    @CsvSource({"10, 6", "11, 6", "1, 1", "0, 1", "2000, 1001"})
    void more_than_half(long base, long threshold) {
        assertThat(Tally.majorityOf(base)).isEqualTo(threshold);
    }

    @Test
    void the_same_ballots_in_any_order_give_the_same_result_and_digest_and_one_changed_ballot_another_digest() {
        List<Tally.Ballot> all = concat(ballots(40, A, B), ballots(25, C, A), ballots(17, D), ballots(3));
        Tally.Result first = Tally.count(CANDIDATES, 2, Tally.majorityOf(85), all);
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            List<Tally.Ballot> shuffled = new ArrayList<>(all.stream()
                    .map(b -> { List<UUID> c = new ArrayList<>(b.choices()); Collections.shuffle(c, random);
                        return new Tally.Ballot(b.ballotId(), c); }).toList());
            Collections.shuffle(shuffled, random);
            assertThat(Tally.count(CANDIDATES, 2, Tally.majorityOf(85), shuffled)).isEqualTo(first);
        }
        List<Tally.Ballot> changed = new ArrayList<>(all);
        changed.set(0, new Tally.Ballot(all.get(0).ballotId(), List.of(A, D)));
        assertThat(Tally.count(CANDIDATES, 2, Tally.majorityOf(85), changed).digest()).isNotEqualTo(first.digest());
        assertThat(first.digest()).hasSize(64);
    }

    @Test
    void a_ballot_for_a_project_not_on_it_is_never_counted_silently() {
        assertThatThrownBy(() -> Tally.count(List.of(A, B), 1, 1, ballots(1, C)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @SafeVarargs
    static List<Tally.Ballot> concat(List<Tally.Ballot>... parts) {
        List<Tally.Ballot> all = new ArrayList<>();
        for (List<Tally.Ballot> p : parts) {
            all.addAll(p);
        }
        return all;
    }
}
