package org.zhenwu.servicehall.queue;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.zhenwu.platform.web.Problems;

@RestControllerAdvice(assignableTypes = QueueController.class)
class QueueErrors {
    @ExceptionHandler
    ProblemDetail ruleViolation(QueueRuleViolation e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "service-hall/" + e.rule(),
                "The queue's rules do not allow this now", e.getMessage());
        problem.setProperty("rule", e.rule());
        if (e.field() != null) {
            problem.setProperty("errors", List.of(new Problems.FieldError(e.field(), "is already used in this town")));
        }
        return problem;
    }
}
