package org.zhenwu.congress.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.annotations.BatchSize;
import org.zhenwu.platform.web.InvalidFieldException;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A line of the town's budget for a year (预算科目/项目): its planned amount, the day the congress approved the
 * budget (审查批准), a performance target (绩效目标), the amounts spent month by month as the 预算联网监督 system
 * exports them, and the deputies' evaluation at year end.
 */
@Entity
@Table(name = "budget_line")
class BudgetLine {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Id
    private UUID id;
    private String townCode;
    private int year;
    private String code;
    private String name;
    private String department;
    private BigDecimal plannedAmount;
    private LocalDate approvedOn;
    private String performanceTarget;
    @Enumerated(EnumType.STRING)
    private EvaluationGrade evaluationGrade;
    private Boolean targetMet;
    private String evaluationSummary;
    private Instant evaluatedAt;
    private String createdBy;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "budget_execution", joinColumns = @JoinColumn(name = "line_id"))
    @OrderBy("month")
    @BatchSize(size = 100)
    private List<MonthlyExecution> executions = new ArrayList<>();
    @Version
    private long version;

    protected BudgetLine() {
        // for JPA
    }

    static BudgetLine plan(UUID id, String townCode, int year, String code, String name, String department,
                           BigDecimal plannedAmount, String performanceTarget, String actor) {
        if (plannedAmount.signum() < 0) {
            throw new InvalidFieldException("plannedAmount", "must not be negative");
        }
        BudgetLine line = new BudgetLine();
        line.id = id;
        line.townCode = townCode;
        line.year = year;
        line.code = code;
        line.name = name;
        line.department = department;
        line.plannedAmount = plannedAmount.setScale(2, RoundingMode.HALF_UP);
        line.performanceTarget = performanceTarget;
        line.createdBy = actor;
        return line;
    }

    /** The congress approved the year's budget. False when this line was approved already. */
    boolean approve(LocalDate on) {
        if (approvedOn != null) {
            return false;
        }
        approvedOn = on;
        return true;
    }

    /** A month's spending from the monthly import; a re-sent month replaces what it said before. */
    void recordExecution(int month, BigDecimal spent, Instant now) {
        executions.removeIf(e -> e.month() == month);
        if (spent != null) {
            executions.add(new MonthlyExecution(month, spent.setScale(2, RoundingMode.HALF_UP), now));
        }
    }

    /** Spent from January through {@code month}. */
    BigDecimal spentThrough(int month) {
        return executions.stream().filter(e -> e.month() <= month).map(MonthlyExecution::spent)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
    }

    BigDecimal spentIn(int month) {
        return executions.stream().filter(e -> e.month() == month).map(MonthlyExecution::spent).findFirst()
                .orElse(BigDecimal.ZERO);
    }

    /** Percent of the planned amount spent through {@code month}, one decimal; empty for a line planned at zero. */
    Optional<BigDecimal> executionRate(int month) {
        if (plannedAmount.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(spentThrough(month).multiply(HUNDRED).divide(plannedAmount, 1, RoundingMode.HALF_UP));
    }

    /**
     * What the presidium must hear about after {@code month}'s import:
     * <ul>
     *   <li>OVER_EXECUTION: more spent than planned (超预算);</li>
     *   <li>UNDER_EXECUTION: the share spent lags the share of the year gone by more than {@code underPoints}
     *       percentage points (执行进度滞后), e.g. under 30% at the end of June with 20 points;</li>
     *   <li>BEFORE_APPROVAL: money spent in a month that ended before the congress approved the budget (先支后批).</li>
     * </ul>
     */
    List<Deviation> deviationsAt(int month, int underPoints) {
        List<Deviation> found = new ArrayList<>();
        BigDecimal spent = spentThrough(month);
        if (spent.compareTo(plannedAmount) > 0) {
            found.add(Deviation.OVER_EXECUTION);
        }
        // spent/planned < month/12 - points/100, unrounded: spent * 1200 < planned * (100 month - 12 points)
        BigDecimal floor = plannedAmount.multiply(BigDecimal.valueOf(100L * month - 12L * underPoints));
        if (plannedAmount.signum() > 0 && spent.multiply(BigDecimal.valueOf(1200)).compareTo(floor) < 0) {
            found.add(Deviation.UNDER_EXECUTION);
        }
        boolean beforeApproval = approvedOn == null || YearMonth.from(approvedOn).isAfter(YearMonth.of(year, month));
        if (spentIn(month).signum() > 0 && beforeApproval) {
            found.add(Deviation.BEFORE_APPROVAL);
        }
        return found;
    }

    /** 绩效评价 at year end (from December on), once, against the performance target. */
    void evaluate(EvaluationGrade grade, boolean met, String summary, LocalDate today, Instant now) {
        if (performanceTarget == null) {
            throw new BudgetRuleViolation("no-target", "Budget line " + code + " has no performance target");
        }
        if (today.isBefore(LocalDate.of(year, 12, 1))) {
            throw new BudgetRuleViolation("year-not-ended", "The " + year + " budget is evaluated at year end, from "
                    + LocalDate.of(year, 12, 1));
        }
        if (evaluationGrade != null) {
            throw new BudgetRuleViolation("already-evaluated", "Budget line " + code + " was evaluated already");
        }
        evaluationGrade = grade;
        targetMet = met;
        evaluationSummary = summary;
        evaluatedAt = now;
    }

    /** How a line strays from the approved budget. */
    enum Deviation { UNDER_EXECUTION, OVER_EXECUTION, BEFORE_APPROVAL }

    /** 优秀, 良好, 中, 差. */
    enum EvaluationGrade { EXCELLENT, GOOD, FAIR, POOR }

    UUID id() { return id; }
    String townCode() { return townCode; }
    int year() { return year; }
    String code() { return code; }
    String name() { return name; }
    String department() { return department; }
    BigDecimal plannedAmount() { return plannedAmount; }
    LocalDate approvedOn() { return approvedOn; }
    String performanceTarget() { return performanceTarget; }
    EvaluationGrade evaluationGrade() { return evaluationGrade; }
    Boolean targetMet() { return targetMet; }
    String evaluationSummary() { return evaluationSummary; }
    Instant evaluatedAt() { return evaluatedAt; }
    List<MonthlyExecution> executions() { return List.copyOf(executions); }
    int lastMonth() { return executions.stream().mapToInt(MonthlyExecution::month).max().orElse(0); }
}
