package org.zhenwu.document.disclosure;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.zhenwu.platform.web.Problems;

@RestControllerAdvice(assignableTypes = {DisclosureController.class, PublicDisclosureController.class})
class DisclosureErrors {
    @ExceptionHandler
    ProblemDetail ruleViolation(DisclosureRuleViolation e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "document/disclosure/" + e.rule(),
                "The 政务公开 rules do not allow this", e.getMessage());
        problem.setProperty("rule", e.rule());
        return problem;
    }
}
