package org.zhenwu.congress.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zhenwu.congress.budget.BudgetLine.Deviation;
import org.zhenwu.platform.web.InvalidFieldException;

/** The deviation rules of 预算联网监督 and the year-end evaluation, without Spring. */
class BudgetLineTest {
    static final Instant NOW = Instant.parse("2019-07-10T02:00:00Z");

    static BudgetLine line(String planned, String target) {
        return BudgetLine.plan(UUID.randomUUID(), "440606104", 2019, "2120399", "农村道路维修", "规划建设办",
                new BigDecimal(planned), target, "staff");
    }

    /** 1,200,000 planned: the year's share at month m is m/12; 20 points of tolerance. */
    @ParameterizedTest(name = "{1} spent by month {0} → under-executed: {2}")
    @CsvSource({"6, 359999.99, true", "6, 360000, false", "3, 59999, true", "3, 60000, false", "2, 0, false",
            "12, 959999, true", "12, 960000, false"})
    void spending_that_lags_the_year_by_more_than_the_tolerance_is_under_execution(int month, String spent, boolean under) {
        BudgetLine l = line("1200000", null);
        l.approve(LocalDate.of(2019, 1, 10));
        l.recordExecution(month, new BigDecimal(spent), NOW);
        assertThat(l.deviationsAt(month, 20).contains(Deviation.UNDER_EXECUTION)).isEqualTo(under);
    }

    @Test
    void spending_beyond_the_plan_is_over_execution_and_months_add_up() {
        BudgetLine l = line("100000", null);
        l.approve(LocalDate.of(2019, 1, 10));
        l.recordExecution(1, new BigDecimal("60000"), NOW);
        l.recordExecution(2, new BigDecimal("40000"), NOW);
        assertThat(l.deviationsAt(2, 20)).isEmpty();
        l.recordExecution(3, new BigDecimal("0.01"), NOW);
        assertThat(l.spentThrough(3)).isEqualByComparingTo("100000.01");
        assertThat(l.deviationsAt(3, 20)).containsExactly(Deviation.OVER_EXECUTION);
        assertThat(l.executionRate(3)).contains(new BigDecimal("100.0"));
    }

    @Test
    void a_month_sent_again_replaces_its_figure_and_a_line_left_out_spent_nothing() {
        BudgetLine l = line("100000", null);
        l.recordExecution(4, new BigDecimal("30000"), NOW);
        l.recordExecution(4, new BigDecimal("10000"), NOW);
        assertThat(l.spentThrough(12)).isEqualByComparingTo("10000");
        l.recordExecution(4, null, NOW);
        assertThat(l.executions()).isEmpty();
    }

    @Test
    void money_spent_in_a_month_that_ended_before_approval_is_flagged_but_not_in_the_month_of_approval() {
        BudgetLine l = line("1200000", null);
        l.recordExecution(1, new BigDecimal("150000"), NOW);
        assertThat(l.deviationsAt(1, 20)).containsExactly(Deviation.BEFORE_APPROVAL);
        l.approve(LocalDate.of(2019, 2, 20));
        assertThat(l.deviationsAt(1, 20)).containsExactly(Deviation.BEFORE_APPROVAL);
        l.recordExecution(2, new BigDecimal("100000"), NOW);
        assertThat(l.deviationsAt(2, 20)).isEmpty();
        assertThat(l.approve(LocalDate.of(2019, 3, 1))).isFalse();
        assertThat(l.approvedOn()).isEqualTo(LocalDate.of(2019, 2, 20));
    }

    @Test
    void a_line_planned_at_zero_has_no_rate_and_any_spending_is_over_execution() {
        BudgetLine l = line("0", null);
        l.approve(LocalDate.of(2019, 1, 10));
        assertThat(l.deviationsAt(6, 20)).isEmpty();
        l.recordExecution(6, new BigDecimal("5"), NOW);
        assertThat(l.executionRate(6)).isEmpty();
        assertThat(l.deviationsAt(6, 20)).containsExactly(Deviation.OVER_EXECUTION);
    }

    @Test
    void the_evaluation_comes_at_year_end_once_and_needs_a_target() {
        assertThatThrownBy(() -> line("1", null).evaluate(BudgetLine.EvaluationGrade.GOOD, true, null,
                LocalDate.of(2020, 1, 5), NOW)).isInstanceOf(BudgetRuleViolation.class).hasMessageContaining("no performance target");
        BudgetLine l = line("1", "完成村道硬底化12公里");
        assertThatThrownBy(() -> l.evaluate(BudgetLine.EvaluationGrade.GOOD, true, null, LocalDate.of(2019, 11, 30), NOW))
                .isInstanceOfSatisfying(BudgetRuleViolation.class, e -> assertThat(e.rule()).isEqualTo("year-not-ended"));
        l.evaluate(BudgetLine.EvaluationGrade.GOOD, true, "完成12.4公里", LocalDate.of(2019, 12, 1), NOW);
        assertThat(l.targetMet()).isTrue();
        assertThatThrownBy(() -> l.evaluate(BudgetLine.EvaluationGrade.POOR, false, null, LocalDate.of(2019, 12, 2), NOW))
                .isInstanceOfSatisfying(BudgetRuleViolation.class, e -> assertThat(e.rule()).isEqualTo("already-evaluated"));
        assertThat(l.evaluationGrade()).isEqualTo(BudgetLine.EvaluationGrade.GOOD);
    }

    @Test
    void a_negative_plan_names_the_field() {
        assertThatThrownBy(() -> line("-1", null)).isInstanceOfSatisfying(InvalidFieldException.class,
                e -> assertThat(e.field()).isEqualTo("plannedAmount"));
    }
}
