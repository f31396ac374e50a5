package org.zhenwu.servicehall.matter;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.zhenwu.platform.web.Problems;

/** The matter feature's own exceptions; the platform's advice maps everything else. */
@RestControllerAdvice(assignableTypes = MatterController.class)
class MatterErrors {

    @ExceptionHandler
    ProblemDetail duplicateCode(DuplicateMatterCode e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "service-hall/duplicate-matter-code",
                "The matter code is already used in this town", e.getMessage());
        problem.setProperty("errors", List.of(new Problems.FieldError("code", "is already used in this town")));
        return problem;
    }
}
