package org.zhenwu.congress.suggestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;

class SuggestionStatusTest {
    private static final Instant SUBMITTED = Instant.parse("2019-01-15T02:00:00Z");
    private static final Instant NOW = Instant.parse("2019-01-18T03:00:00Z");

    static Stream<Arguments> every_pair() {
        List<Arguments> pairs = new ArrayList<>();
        for (SuggestionStatus from : SuggestionStatus.values()) {
            Set<SuggestionStatus> allowed = switch (from) {
                case SUBMITTED -> EnumSet.of(SuggestionStatus.REGISTERED);
                case REGISTERED -> EnumSet.of(SuggestionStatus.ASSIGNED);
                case ASSIGNED, REHANDLING, TRACKING -> EnumSet.of(SuggestionStatus.REPLIED);
                case REPLIED -> EnumSet.of(SuggestionStatus.CLOSED, SuggestionStatus.TRACKING, SuggestionStatus.REHANDLING);
                case CLOSED -> EnumSet.noneOf(SuggestionStatus.class);
            };
            for (SuggestionStatus to : SuggestionStatus.values()) {
                pairs.add(Arguments.of(from, to, allowed.contains(to)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("every_pair")
    void only_the_handling_loops_moves_are_allowed(SuggestionStatus from, SuggestionStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @Test
    void a_joint_suggestion_keeps_its_deputies_in_order_with_the_leading_deputy_first() {
        Suggestion suggestion = submitted("陈国强", "李秀英", "王建华");
        assertThat(suggestion.status()).isEqualTo(SuggestionStatus.SUBMITTED);
        assertThat(suggestion.deputies()).containsExactly("陈国强", "李秀英", "王建华");
        assertThat(suggestion.transitions()).singleElement().extracting(SuggestionTransition::toStatus)
                .isEqualTo(SuggestionStatus.SUBMITTED);
        assertThat(suggestion.pullEvents()).singleElement().isInstanceOf(SuggestionEvent.Submitted.class);
    }

    @Test
    void a_suggestion_needs_distinct_deputies_and_cannot_be_submitted_in_the_future() {
        assertThatThrownBy(() -> submitted())
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("deputies");
        assertThatThrownBy(() -> submitted("陈国强", "陈国强"))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("deputies");
        assertThatThrownBy(() -> Suggestion.submit(UUID.randomUUID(), "440606104", new Suggestion.Submission(
                "第十七届人大第七次会议", "标题", "内容", List.of("陈国强"), NOW.plusSeconds(3600)), "staff", NOW))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("submittedAt");
    }

    @Test
    void registering_draws_a_number_only_when_the_move_is_legal() {
        AtomicInteger counter = new AtomicInteger();
        Suggestion suggestion = submitted("陈国强");
        suggestion.register(counter::incrementAndGet, "staff", NOW);
        assertThat(suggestion.registrationNumber()).isEqualTo(1);
        assertThatThrownBy(() -> suggestion.register(counter::incrementAndGet, "staff", NOW))
                .isInstanceOf(IllegalTransitionException.class).extracting("currentStatus").isEqualTo("REGISTERED");
        assertThat(counter).hasValue(1);
        assertThat(suggestion.registrationNumber()).isEqualTo(1);
    }

    @Test
    void an_unregistered_suggestion_cannot_be_assigned() {
        Suggestion suggestion = submitted("陈国强");
        assertThatThrownBy(() -> suggestion.assign("规划建设办", List.of(), 3, "staff", NOW))
                .isInstanceOf(IllegalTransitionException.class).extracting("currentStatus").isEqualTo("SUBMITTED");
        assertThat(suggestion.leadUnit()).isNull();
        assertThat(suggestion.replyDue()).isNull();
    }

    @ParameterizedTest(name = "assigned {0} → reply due {1}")
    @CsvSource({
            "2019-01-18T03:00:00Z, 2019-04-18",   // the plain case
            "2019-01-17T17:00:00Z, 2019-04-18",   // 01:00 on the 18th in the offices' time zone
            "2018-11-30T02:00:00Z, 2019-02-28",   // no 30 February: the last day of the month
            "2019-11-30T02:00:00Z, 2020-02-29"})  // leap year
    void the_lead_unit_must_reply_within_three_calendar_months_of_assignment(Instant assignedAt, LocalDate due) {
        Suggestion suggestion = registered();
        suggestion.assign("规划建设办", List.of("经济发展办", "财政办"), 3, "staff", assignedAt);
        assertThat(suggestion.status()).isEqualTo(SuggestionStatus.ASSIGNED);
        assertThat(suggestion.replyDue()).isEqualTo(due);
        assertThat(suggestion.coUnits()).containsExactly("经济发展办", "财政办");
        assertThat(suggestion.pullEvents()).last().isInstanceOfSatisfying(SuggestionEvent.Assigned.class,
                a -> assertThat(a.replyDue()).isEqualTo(due));
    }

    @Test
    void the_lead_unit_is_not_also_a_co_unit_and_a_refused_assignment_changes_nothing() {
        Suggestion suggestion = registered();
        assertThatThrownBy(() -> suggestion.assign("规划建设办", List.of("财政办", "规划建设办"), 3, "staff", NOW))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("coUnits");
        assertThatThrownBy(() -> suggestion.assign("规划建设办", List.of("财政办", "财政办"), 3, "staff", NOW))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("coUnits");
        assertThat(suggestion.status()).isEqualTo(SuggestionStatus.REGISTERED);
        assertThat(suggestion.coUnits()).isEmpty();
        assertThat(suggestion.transitions()).hasSize(2);
    }

    @Test
    void the_reply_limit_is_configurable_between_one_and_six_months() {
        assertThat(new SuggestionProperties(6, 6, 1, 1, 1, 5, 5).replyMonths()).isEqualTo(6);
        assertThatThrownBy(() -> new SuggestionProperties(0, 6, 1, 1, 1, 5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SuggestionProperties(7, 7, 1, 1, 1, 5, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SuggestionProperties(3, 2, 1, 1, 1, 5, 5))
                .as("an extension never shortens the limit").isInstanceOf(IllegalArgumentException.class);
    }

    private static Suggestion registered() {
        Suggestion suggestion = submitted("陈国强", "李秀英");
        suggestion.register(() -> 12, "staff", SUBMITTED);
        return suggestion;
    }

    private static Suggestion submitted(String... deputies) {
        return Suggestion.submit(UUID.randomUUID(), "440606104", new Suggestion.Submission("第十七届人大第七次会议",
                "关于加快乐从大道东延线建设的建议", "建议内容", List.of(deputies), SUBMITTED), "staff", SUBMITTED);
    }
}
