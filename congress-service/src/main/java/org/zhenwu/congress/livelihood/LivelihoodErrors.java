package org.zhenwu.congress.livelihood;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.zhenwu.platform.web.Problems;

@RestControllerAdvice(assignableTypes = LivelihoodController.class)
class LivelihoodErrors {
    @ExceptionHandler
    ProblemDetail ruleViolation(LivelihoodRuleViolation e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "congress/" + e.rule(),
                "The voting rules do not allow this now", e.getMessage());
        problem.setProperty("rule", e.rule());
        if (e.currentStatus() != null) {
            problem.setProperty("currentStatus", e.currentStatus());
        }
        return problem;
    }
}
