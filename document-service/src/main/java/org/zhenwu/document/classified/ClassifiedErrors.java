package org.zhenwu.document.classified;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.zhenwu.platform.web.Problems;

@RestControllerAdvice(assignableTypes = ClassifiedController.class)
class ClassifiedErrors {
    @ExceptionHandler
    ProblemDetail ruleViolation(ClassifiedRuleViolation e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "document/" + e.rule(),
                "The secrecy rules do not allow this", e.getMessage());
        problem.setProperty("rule", e.rule());
        return problem;
    }
}
