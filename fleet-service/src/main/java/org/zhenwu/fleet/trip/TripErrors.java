package org.zhenwu.fleet.trip;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.zhenwu.platform.web.Problems;

@RestControllerAdvice(assignableTypes = TripImportController.class)
class TripErrors {
    @ExceptionHandler
    ProblemDetail importRejected(TripImportRejected e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid import file", e.getMessage());
        problem.setProperty("errors", e.errors().stream().limit(1000)
                .map(r -> new Problems.FieldError("line " + r.line() + ": " + r.field(), r.message())).toList());
        return problem;
    }
}
