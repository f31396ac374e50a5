package org.zhenwu.congress.budget;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.security.Caller;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** 预算联网监督 over HTTP: budget lines, the monthly import, the presidium's deviation list, inquiries, evaluation. */
@RestController
@RequestMapping("/api/congress")
@Validated
class BudgetController {
    private final BudgetService budget;
    private final Clock clock;

    BudgetController(BudgetService budget, Clock clock) {
        this.budget = budget;
        this.clock = clock;
    }

    @PostMapping("/budget-lines")
    @ResponseStatus(HttpStatus.CREATED)
    LineResponse plan(@Valid @RequestBody PlanLineRequest r) {
        BudgetLine line = budget.plan(Caller.current(), new BudgetService.NewLine(r.town(), r.year(), r.code().strip(),
                r.name().strip(), r.department().strip(), r.plannedAmount(), blankToNull(r.performanceTarget())));
        return LineResponse.of(line, null, null);
    }

    /** 审查批准 of the year's budget by the session. */
    @PostMapping("/budget-lines/approval")
    ApprovalResponse approve(@Valid @RequestBody ApproveBudgetRequest r) {
        return new ApprovalResponse(r.year(), r.approvedOn(), budget.approve(Caller.current(), r.town(), r.year(),
                r.approvedOn()));
    }

    /** The month's execution export (the whole town's ledger for the month). */
    @PostMapping("/budget-executions")
    BudgetService.ImportOutcome importMonth(@Valid @RequestBody ImportExecutionRequest r) {
        return budget.importMonth(Caller.current(), r.town(), r.year(), r.month(), r.lines().stream()
                .map(l -> new BudgetService.Spent(l.code().strip(), l.spent())).toList());
    }

    @GetMapping("/budget-lines")
    List<LineResponse> lines(@RequestParam(required = false) String town,
                             @RequestParam(required = false) @Min(2000) @Max(2100) Integer year) {
        return budget.lines(Caller.current(), town, yearOr(year)).stream().map(l -> LineResponse.of(l, null, null))
                .toList();
    }

    /** With its months, flags and inquiries. */
    @GetMapping("/budget-lines/{id}")
    LineResponse line(@PathVariable UUID id) {
        Caller caller = Caller.current();
        BudgetLine line = budget.line(caller, id);
        return LineResponse.of(line, budget.deviations(caller, line.townCode(), line.year(), id),
                budget.inquiriesOn(id).stream().map(InquiryResponse::of).toList());
    }

    /** The presidium's list of flagged deviations for a year. */
    @GetMapping("/budget-deviations")
    List<BudgetService.Flag> deviations(@RequestParam(required = false) String town,
                                        @RequestParam(required = false) @Min(2000) @Max(2100) Integer year) {
        return budget.deviations(Caller.current(), town, yearOr(year), null);
    }

    /** 询问 by a deputy (or entered by the office naming the deputy). */
    @PostMapping("/budget-lines/{id}/inquiries")
    @ResponseStatus(HttpStatus.CREATED)
    InquiryResponse ask(@PathVariable UUID id, @Valid @RequestBody AskRequest r) {
        return InquiryResponse.of(budget.ask(Caller.current(), id, r.deputyId(), r.question().strip()));
    }

    @PostMapping("/budget-inquiries/{id}/answer")
    InquiryResponse answer(@PathVariable UUID id, @Valid @RequestBody AnswerRequest r) {
        return InquiryResponse.of(budget.answer(Caller.current(), id, r.answer().strip()));
    }

    /** 绩效评价 at year end. */
    @PostMapping("/budget-lines/{id}/evaluation")
    LineResponse evaluate(@PathVariable UUID id, @Valid @RequestBody EvaluateRequest r) {
        BudgetLine line = budget.evaluate(Caller.current(), id, r.grade(), r.targetMet(), blankToNull(r.summary()));
        return LineResponse.of(line, null, null);
    }

    private int yearOr(Integer year) {
        return year != null ? year : LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE)).getYear();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * @param code              科目编码 or project code, unique per town and year
     * @param department        the spending department (预算单位), which answers the deputies' questions
     * @param plannedAmount     yuan
     * @param performanceTarget 绩效目标, evaluated at year end
     */
    record PlanLineRequest(@Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
                           @Min(2000) @Max(2100) int year, @NotBlank @Size(max = 30) String code,
                           @NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 100) String department,
                           @NotNull @DecimalMin("0") @DecimalMax("999999999999") @Digits(integer = 12, fraction = 2)
                           BigDecimal plannedAmount,
                           @Size(max = 1000) String performanceTarget) {
    }

    record ApproveBudgetRequest(@Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
                                @Min(2000) @Max(2100) int year, @NotNull LocalDate approvedOn) {
    }

    record ApprovalResponse(int year, LocalDate approvedOn, int approvedLines) {
    }

    /** @param spent yuan spent in the month */
    record SpentLine(@NotBlank @Size(max = 30) String code,
                     @NotNull @DecimalMin("0") @DecimalMax("999999999999") @Digits(integer = 12, fraction = 2)
                     BigDecimal spent) {
    }

    record ImportExecutionRequest(@Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
                                  @Min(2000) @Max(2100) int year, @Min(1) @Max(12) int month,
                                  @NotNull @Size(max = 2000) List<@NotNull @Valid SpentLine> lines) {
    }

    /** @param deputyId the asking deputy; a deputy signed in may leave it out */
    record AskRequest(UUID deputyId, @NotBlank @Size(max = 5000) String question) {
    }

    record AnswerRequest(@NotBlank @Size(max = 10000) String answer) {
    }

    record EvaluateRequest(@NotNull BudgetLine.EvaluationGrade grade, @NotNull Boolean targetMet,
                           @Size(max = 5000) String summary) {
    }

    record MonthResponse(int month, BigDecimal spent) {
    }

    record InquiryResponse(UUID id, UUID lineId, UUID deputyId, String question, LocalDate askedOn, String status,
                           String department, String answer, Instant answeredAt) {
        static InquiryResponse of(BudgetInquiry q) {
            return new InquiryResponse(q.id(), q.lineId(), q.deputyId(), q.question(), q.askedOn(), q.status().name(),
                    q.department(), q.answer(), q.answeredAt());
        }
    }

    /**
     * @param spentToDate   through the last month imported
     * @param executionRate spentToDate / plannedAmount, percent
     */
    record LineResponse(UUID id, String town, int year, String code, String name, String department,
                        BigDecimal plannedAmount, LocalDate approvedOn, String performanceTarget, int lastMonth,
                        BigDecimal spentToDate, BigDecimal executionRate, List<MonthResponse> months,
                        BudgetLine.EvaluationGrade evaluationGrade, Boolean targetMet, String evaluationSummary,
                        List<BudgetService.Flag> deviations, List<InquiryResponse> inquiries) {
        static LineResponse of(BudgetLine l, List<BudgetService.Flag> deviations, List<InquiryResponse> inquiries) {
            int last = l.lastMonth();
            return new LineResponse(l.id(), l.townCode(), l.year(), l.code(), l.name(), l.department(),
                    l.plannedAmount(), l.approvedOn(), l.performanceTarget(), last, l.spentThrough(12),
                    l.executionRate(12).orElse(null),
                    l.executions().stream().map(e -> new MonthResponse(e.month(), e.spent())).toList(),
                    l.evaluationGrade(), l.targetMet(), l.evaluationSummary(), deviations, inquiries);
        }
    }
}
