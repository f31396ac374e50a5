package org.zhenwu.servicehall.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.web.IllegalTransitionException;

/** 好差评 and the rectification of a 差评, without Spring. */
class RectificationTest {
    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.china();
    // Friday 2019-09-27, 10:00 Beijing time; 国庆 1–7 October off, 29 September and 12 October worked
    private static final Instant FRIDAY = Instant.parse("2019-09-27T02:00:00Z");

    static Stream<Arguments> every_pair() {
        List<Arguments> pairs = new ArrayList<>();
        for (RectificationStatus from : RectificationStatus.values()) {
            Set<RectificationStatus> allowed = switch (from) {
                case OPEN -> EnumSet.of(RectificationStatus.RECTIFIED, RectificationStatus.APPEALED);
                case RECTIFIED -> EnumSet.of(RectificationStatus.CLOSED, RectificationStatus.OPEN);
                case APPEALED -> EnumSet.of(RectificationStatus.VOIDED, RectificationStatus.OPEN);
                case CLOSED, VOIDED -> EnumSet.noneOf(RectificationStatus.class);
            };
            for (RectificationStatus to : RectificationStatus.values()) {
                pairs.add(Arguments.of(from, to, allowed.contains(to)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("every_pair")
    void only_the_cases_moves_are_allowed(RectificationStatus from, RectificationStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @Test
    void the_bottom_two_levels_are_negative() {
        assertThat(EnumSet.allOf(RatingLevel.class).stream().filter(RatingLevel::negative))
                .containsExactly(RatingLevel.DISSATISFIED, RatingLevel.VERY_DISSATISFIED);
        assertThat(RatingLevel.VERY_SATISFIED.score()).isEqualTo(5);
        assertThat(RatingLevel.VERY_DISSATISFIED.score()).isEqualTo(1);
    }

    @Test
    void a_case_is_due_five_working_days_on_over_the_national_holiday() {
        Rectification c = Rectification.open(UUID.randomUUID(), rating(RatingLevel.DISSATISFIED, "张三"), 5, CALENDAR, FRIDAY);
        // 29 Sep (Sunday, make-up day), 30 Sep, then 8, 9, 10 October
        assertThat(c.dueDate()).isEqualTo(LocalDate.of(2019, 10, 10));
        assertThat(c.overdue(LocalDate.of(2019, 10, 10))).isFalse();
        assertThat(c.overdue(LocalDate.of(2019, 10, 11))).isTrue();
    }

    @Test
    void a_named_case_is_closed_only_after_a_return_visit_and_a_lacking_rectification_goes_back() {
        Rectification c = Rectification.open(UUID.randomUUID(), rating(RatingLevel.VERY_DISSATISFIED, "张三"), 5, CALENDAR, FRIDAY);
        c.rectify("handler", "已对窗口人员进行批评教育", FRIDAY.plusSeconds(86_400));
        c.review("leader", false, "整改措施不具体", FRIDAY.plusSeconds(2 * 86_400));
        assertThat(c.status()).isEqualTo(RectificationStatus.OPEN);
        c.rectify("handler", "修订窗口服务规范并组织培训", FRIDAY.plusSeconds(3 * 86_400));
        assertThat(c.rectifiedOnTime()).as("the first report counts").isTrue();
        assertThatThrownBy(() -> c.review("leader", true, null, FRIDAY.plusSeconds(4 * 86_400)))
                .isInstanceOf(RatingRuleViolation.class).extracting("rule").isEqualTo("return-visit-owed");
        c.returnVisit("clerk", true, "申请人认可整改", FRIDAY.plusSeconds(4 * 86_400));
        c.review("leader", true, null, FRIDAY.plusSeconds(4 * 86_400));
        assertThat(c.status()).isEqualTo(RectificationStatus.CLOSED);
        assertThat(c.transitions()).extracting(RectificationTransition::toStatus).containsExactly(RectificationStatus.OPEN,
                RectificationStatus.RECTIFIED, RectificationStatus.OPEN, RectificationStatus.RECTIFIED,
                RectificationStatus.RECTIFIED, RectificationStatus.CLOSED);
        assertThatThrownBy(() -> c.returnVisit("clerk", true, null, FRIDAY.plusSeconds(5 * 86_400)))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void an_upheld_appeal_voids_an_anonymous_negative_rating_which_nobody_can_visit() {
        Rectification c = Rectification.open(UUID.randomUUID(), rating(RatingLevel.DISSATISFIED, null), 5, CALENDAR, FRIDAY);
        assertThatThrownBy(() -> c.returnVisit("clerk", true, null, FRIDAY))
                .isInstanceOf(RatingRuleViolation.class).extracting("rule").isEqualTo("anonymous-rating");
        assertThatThrownBy(() -> c.review("leader", true, null, FRIDAY))
                .isInstanceOf(IllegalTransitionException.class).extracting("currentStatus").isEqualTo("OPEN");
        c.appeal("handler", "申请人所需材料不齐, 已一次性告知", FRIDAY);
        c.review("leader", true, "申诉成立", FRIDAY.plusSeconds(60));
        assertThat(c.status()).isEqualTo(RectificationStatus.VOIDED);
        assertThat(c.rectifiedOnTime()).isNull();
    }

    private static Rating rating(RatingLevel level, String name) {
        return Rating.give(UUID.randomUUID(), "440606104", UUID.randomUUID(), "440606104-20190920-00001", "LC-MZ-0012",
                "社会事务办", new Rating.Given(level, "等候时间太长", RatingChannel.WINDOW_PAD, name, null), "pad", FRIDAY);
    }
}
