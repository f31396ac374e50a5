package org.zhenwu.servicehall.rating;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.zhenwu.platform.web.Problems;

@RestControllerAdvice(assignableTypes = RatingController.class)
class RatingErrors {
    @ExceptionHandler
    ProblemDetail ruleViolation(RatingRuleViolation e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "service-hall/" + e.rule(),
                "The rules of 好差评 do not allow this now", e.getMessage());
        problem.setProperty("rule", e.rule());
        return problem;
    }
}
