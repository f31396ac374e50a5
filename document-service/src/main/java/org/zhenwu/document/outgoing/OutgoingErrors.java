package org.zhenwu.document.outgoing;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.zhenwu.platform.web.Problems;

@RestControllerAdvice(assignableTypes = OutgoingController.class)
class OutgoingErrors {
    @ExceptionHandler
    ProblemDetail ruleViolation(OutgoingRuleViolation e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "document/" + e.rule(),
                "The 发文 rules do not allow this now", e.getMessage());
        problem.setProperty("rule", e.rule());
        return problem;
    }
}
