package org.zhenwu.document.incoming;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.zhenwu.platform.web.Problems;

@RestControllerAdvice(assignableTypes = {IncomingController.class, OaIntakeController.class})
class IncomingErrors {
    @ExceptionHandler
    ProblemDetail ruleViolation(IncomingRuleViolation e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "document/" + e.rule(),
                "The 收文 rules do not allow this now", e.getMessage());
        problem.setProperty("rule", e.rule());
        return problem;
    }
}
