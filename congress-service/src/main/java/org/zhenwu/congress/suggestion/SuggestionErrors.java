package org.zhenwu.congress.suggestion;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.zhenwu.platform.web.Problems;

@RestControllerAdvice(assignableTypes = {SuggestionController.class, SuggestionImportController.class})
class SuggestionErrors {
    @ExceptionHandler
    ProblemDetail ruleViolation(SuggestionRuleViolation e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "congress/" + e.rule(),
                "The suggestion's rules do not allow this now", e.getMessage());
        problem.setProperty("rule", e.rule());
        problem.setProperty("currentStatus", e.currentStatus().name());
        return problem;
    }
}
