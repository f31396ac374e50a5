package org.zhenwu.fleet.vehicle;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.zhenwu.platform.web.Problems;

/** The vehicle feature's own exceptions; the platform's advice maps everything else. */
@RestControllerAdvice(assignableTypes = VehicleController.class)
class VehicleErrors {

    @ExceptionHandler
    ProblemDetail duplicatePlate(DuplicatePlate e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "fleet/duplicate-plate",
                "The plate is already registered", e.getMessage());
        problem.setProperty("errors", List.of(new Problems.FieldError("plate", "is already registered")));
        return problem;
    }
}
