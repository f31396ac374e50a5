package org.zhenwu.congress.livelihood;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;

/** Projects' moves, opening a vote, ballots' choices, counting once. */
class LivelihoodDomainTest {
    static final Instant NOW = Instant.parse("2019-01-11T02:00:00Z");

    static Stream<Arguments> every_project_pair() {
        List<Arguments> pairs = new ArrayList<>();
        for (ProjectStatus from : ProjectStatus.values()) {
            Set<ProjectStatus> allowed = switch (from) {
                case PROPOSED -> EnumSet.of(ProjectStatus.SHORTLISTED, ProjectStatus.REJECTED);
                case SHORTLISTED -> EnumSet.of(ProjectStatus.ELECTED, ProjectStatus.NOT_ELECTED);
                case ELECTED -> EnumSet.of(ProjectStatus.IN_PROGRESS);
                case IN_PROGRESS -> EnumSet.of(ProjectStatus.COMPLETED);
                case COMPLETED -> EnumSet.of(ProjectStatus.EVALUATED);
                case REJECTED, NOT_ELECTED, EVALUATED -> EnumSet.noneOf(ProjectStatus.class);
            };
            for (ProjectStatus to : ProjectStatus.values()) {
                pairs.add(Arguments.of(from, to, allowed.contains(to)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("every_project_pair")
    void a_project_goes_from_proposal_to_evaluation_and_nowhere_else(ProjectStatus from, ProjectStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("every_vote_pair")
    void a_vote_is_counted_once(VoteStatus from, VoteStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    static Stream<Arguments> every_vote_pair() {
        return Stream.of(Arguments.of(VoteStatus.OPEN, VoteStatus.OPEN, false), Arguments.of(VoteStatus.OPEN, VoteStatus.TALLIED, true),
                Arguments.of(VoteStatus.TALLIED, VoteStatus.OPEN, false), Arguments.of(VoteStatus.TALLIED, VoteStatus.TALLIED, false));
    }

    static LivelihoodProject shortlisted(String title) {
        LivelihoodProject p = LivelihoodProject.propose(UUID.randomUUID(), "440606001", 2019, title, null, "群众",
                "规划建设办", new BigDecimal("120.5"), "staff", NOW);
        p.shortlist(true, null, "presidium", NOW);
        return p;
    }

    @Test
    void an_elected_project_is_built_supervised_completed_at_full_progress_and_evaluated() {
        LivelihoodProject p = shortlisted("河滨路路灯改造");
        p.voted(UUID.randomUUID(), 48, Tally.Outcome.ELECTED, "staff", NOW);
        p.start(LocalDate.parse("2019-03-01"), "staff", NOW.plusSeconds(86400 * 50));
        p.recordVisit(LocalDate.parse("2019-06-01"), 60, "进度正常", List.of("陈国强", "李秀英"), "staff",
                Instant.parse("2019-06-01T08:00:00Z"));
        assertThat(p.progressPercent()).isEqualTo(60);
        assertThatThrownBy(() -> p.complete(LocalDate.parse("2019-09-01"), "staff", Instant.parse("2019-09-01T08:00:00Z")))
                .isInstanceOf(LivelihoodRuleViolation.class).extracting("rule").isEqualTo("not-finished");
        assertThatThrownBy(() -> p.reportProgress(101, null, "unit", NOW))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("progressPercent");
        p.reportProgress(100, "全部完工", "unit", Instant.parse("2019-10-01T08:00:00Z"));
        p.complete(LocalDate.parse("2019-10-01"), "staff", Instant.parse("2019-10-01T08:00:00Z"));
        p.evaluate(EvaluationGrade.EXCELLENT, 96, "群众满意", "staff", Instant.parse("2019-12-20T08:00:00Z"));
        assertThat(p.status()).isEqualTo(ProjectStatus.EVALUATED);
        assertThat(p.visits()).hasSize(1);
        assertThatThrownBy(() -> p.reportProgress(100, null, "unit", NOW)).isInstanceOf(IllegalTransitionException.class)
                .extracting("currentStatus").isEqualTo("EVALUATED");
    }

    @Test
    void a_tied_project_stays_on_the_shortlist_for_a_further_vote() {
        LivelihoodProject p = shortlisted("长者饭堂");
        p.voted(UUID.randomUUID(), 30, Tally.Outcome.TIED, "staff", NOW);
        assertThat(p.status()).isEqualTo(ProjectStatus.SHORTLISTED);
        p.requireShortlisted();
    }

    static ProjectVote open(int seats, List<UUID> candidates, boolean quorate) {
        return ProjectVote.open(UUID.randomUUID(), "440606001", UUID.randomUUID(), "第十七届人民代表大会第七次会议", "票决", seats,
                candidates, 60, 50, quorate, MajorityBase.SEATED, "staff", NOW);
    }

    @Test
    void a_vote_needs_more_candidates_than_seats_distinct_candidates_and_a_quorum() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        assertThatThrownBy(() -> open(2, List.of(a, b), true)).isInstanceOf(InvalidFieldException.class)
                .extracting("field").isEqualTo("candidateIds");
        assertThatThrownBy(() -> open(1, List.of(a, a), true)).isInstanceOf(InvalidFieldException.class)
                .extracting("field").isEqualTo("candidateIds");
        assertThatThrownBy(() -> open(0, List.of(a, b), true)).isInstanceOf(InvalidFieldException.class)
                .extracting("field").isEqualTo("seats");
        assertThatThrownBy(() -> open(1, List.of(a, b), false)).isInstanceOf(LivelihoodRuleViolation.class)
                .extracting("rule").isEqualTo("no-quorum");
    }

    @Test
    void a_ballot_chooses_up_to_the_seats_among_the_candidates_and_the_vote_is_counted_once() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        ProjectVote vote = open(2, List.of(a, b, c), true);
        assertThat(vote.checkChoices(List.of(c, a))).as("kept in ballot order").containsExactly(a, c);
        assertThat(vote.checkChoices(List.of())).as("an empty ballot abstains").isEmpty();
        assertThatThrownBy(() -> vote.checkChoices(List.of(a, b, c))).isInstanceOf(InvalidFieldException.class)
                .extracting("field").isEqualTo("choices");
        assertThatThrownBy(() -> vote.checkChoices(List.of(a, a))).isInstanceOf(InvalidFieldException.class);
        assertThatThrownBy(() -> vote.checkChoices(List.of(UUID.randomUUID()))).isInstanceOf(InvalidFieldException.class);

        Tally.Result result = vote.tally(List.of(new Tally.Ballot(UUID.randomUUID(), List.of(a))), NOW);
        assertThat(vote.majorityThreshold()).as("more than half of 60 seated").isEqualTo(31);
        assertThat(result.elected()).isEmpty();
        assertThat(vote.results()).hasSize(3);
        assertThatThrownBy(() -> vote.tally(List.of(), NOW)).isInstanceOf(IllegalTransitionException.class)
                .extracting("currentStatus").isEqualTo("TALLIED");
        assertThatThrownBy(vote::requireOpen).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void the_quorum_is_two_thirds_of_the_seated_deputies_by_default() {
        LivelihoodProperties rules = new LivelihoodProperties(2, 3, MajorityBase.SEATED);
        assertThat(rules.quorate(40, 60)).isTrue();
        assertThat(rules.quorate(39, 60)).isFalse();
        assertThat(rules.quorate(0, 0)).isFalse();
    }
}
