package org.zhenwu.document.preparedness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;

/** The 应急预案 aggregate and the drill and material records, without Spring. */
class EmergencyPlanTest {
    private static final LocalDate TODAY = LocalDate.of(2020, 6, 1);
    private static final Instant NOW = Instant.parse("2020-06-01T02:00:00Z");

    @ParameterizedTest(name = "{0}")
    @EnumSource(PlanStatus.class)
    void only_a_plan_in_force_is_retired(PlanStatus from) {
        for (PlanStatus to : PlanStatus.values()) {
            assertThat(from.canMoveTo(to)).as(from + " -> " + to)
                    .isEqualTo(from == PlanStatus.ACTIVE && to == PlanStatus.RETIRED);
        }
    }

    @Test
    void a_plan_is_reviewed_then_revised_and_keeps_its_history() {
        EmergencyPlan p = plan();
        assertThat(p.reviewDue(LocalDate.of(2020, 3, 31))).isFalse();
        assertThat(p.reviewDue(LocalDate.of(2020, 4, 1))).as("due on the review day").isTrue();

        assertThat(p.review(LocalDate.of(2020, 4, 2), LocalDate.of(2021, 4, 1), "2019版", null, "评估: 无需修订", "clerk",
                NOW, TODAY)).isEqualTo(ReviewKind.REVIEWED);
        assertThat(p.reviewDue(TODAY)).isFalse();
        assertThat(p.review(LocalDate.of(2020, 5, 10), LocalDate.of(2022, 5, 10), "2020版", LocalDate.of(2020, 5, 20),
                "机构调整后修订", "clerk", NOW, TODAY)).isEqualTo(ReviewKind.REVISED);
        assertThat(p.planVersion()).isEqualTo("2020版");
        assertThat(p.approvedOn()).isEqualTo(LocalDate.of(2020, 5, 20));
        assertThat(p.history()).extracting(PlanReview::kind)
                .containsExactly(ReviewKind.APPROVED, ReviewKind.REVIEWED, ReviewKind.REVISED);
        assertThat(p.history()).extracting(PlanReview::planVersion).containsExactly("2019版", "2019版", "2020版");

        p.retire("并入镇总体预案");
        assertThat(p.status()).isEqualTo(PlanStatus.RETIRED);
        assertThat(p.reviewDue(LocalDate.of(2030, 1, 1))).isFalse();
        assertThatThrownBy(() -> p.retire("again")).isInstanceOf(IllegalTransitionException.class)
                .extracting("currentStatus").isEqualTo("RETIRED");
        assertThatThrownBy(() -> p.review(TODAY, TODAY.plusYears(1), null, null, null, "clerk", NOW, TODAY))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void impossible_dates_are_refused_naming_the_field() {
        assertField(() -> EmergencyPlan.register(UUID.randomUUID(), "440606102", "龙潭村", PlanType.FIRE, "消防预案",
                "v1", TODAY.plusDays(1), TODAY.plusYears(1), "clerk", NOW, TODAY), "approvedOn");
        assertField(() -> EmergencyPlan.register(UUID.randomUUID(), "440606102", "龙潭村", PlanType.FIRE, "消防预案",
                "v1", TODAY, TODAY, "clerk", NOW, TODAY), "nextReviewOn");
        EmergencyPlan p = plan();
        assertField(() -> p.review(LocalDate.of(2019, 1, 1), TODAY.plusYears(1), null, null, null, "c", NOW, TODAY),
                "reviewedOn");
        assertField(() -> p.review(TODAY.plusDays(1), TODAY.plusYears(1), null, null, null, "c", NOW, TODAY),
                "reviewedOn");
        assertField(() -> p.review(TODAY, TODAY, null, null, null, "c", NOW, TODAY), "nextReviewOn");
        assertField(() -> p.review(TODAY, TODAY.plusYears(1), null, TODAY, null, "c", NOW, TODAY), "planVersion");
        assertThat(p.history()).hasSize(1);

        assertField(() -> EmergencyDrill.record(UUID.randomUUID(), "440606102", null, new EmergencyDrill.Held(null,
                PlanType.FIRE, TODAY.plusDays(1), "村委会", "火灾疏散", 30, null), "c", NOW, TODAY), "heldOn");
        assertField(() -> MaterialDistribution.record(UUID.randomUUID(), "440606102", "应急手册", 0, "龙潭村", TODAY,
                null, "c", NOW, TODAY), "quantity");
    }

    private static void assertField(Runnable action, String field) {
        assertThatThrownBy(action::run).isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo(field);
    }

    private static EmergencyPlan plan() {
        return EmergencyPlan.register(UUID.randomUUID(), "440606102", "龙潭村", PlanType.FLOOD_TYPHOON,
                "龙潭村防汛防台风应急预案", "2019版", LocalDate.of(2019, 4, 1), LocalDate.of(2020, 4, 1), "clerk", NOW,
                TODAY);
    }
}
