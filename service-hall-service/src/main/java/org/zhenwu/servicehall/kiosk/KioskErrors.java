package org.zhenwu.servicehall.kiosk;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.zhenwu.platform.web.Problems;

@RestControllerAdvice(assignableTypes = KioskController.class)
class KioskErrors {
    @ExceptionHandler
    ProblemDetail duplicateCode(DuplicateKioskCode e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "service-hall/duplicate-kiosk-code",
                "The kiosk code is already used in this town", e.getMessage());
        problem.setProperty("errors", List.of(new Problems.FieldError("code", "is already used in this town")));
        return problem;
    }
}
