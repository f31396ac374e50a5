package org.zhenwu.congress.budget;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.zhenwu.platform.web.Problems;

@RestControllerAdvice(assignableTypes = BudgetController.class)
class BudgetErrors {
    @ExceptionHandler
    ProblemDetail ruleViolation(BudgetRuleViolation e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "congress/" + e.rule(),
                "The budget-supervision rules do not allow this now", e.getMessage());
        problem.setProperty("rule", e.rule());
        return problem;
    }
}
