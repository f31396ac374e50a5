package org.zhenwu.hotline.workorder;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.zhenwu.platform.web.Problems;

@RestControllerAdvice(assignableTypes = {WorkOrderController.class, WorkOrderImportController.class})
class WorkOrderErrors {
    @ExceptionHandler
    ProblemDetail ruleViolation(WorkOrderRuleViolation e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(URI.create(Problems.TYPE_BASE + "hotline/" + e.rule()));
        problem.setTitle("The work order's rules do not allow this now");
        problem.setProperty("rule", e.rule());
        return problem;
    }
}
