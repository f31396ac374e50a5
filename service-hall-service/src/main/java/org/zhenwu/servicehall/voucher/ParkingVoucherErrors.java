package org.zhenwu.servicehall.voucher;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.zhenwu.platform.web.Problems;

@RestControllerAdvice(assignableTypes = ParkingVoucherController.class)
class ParkingVoucherErrors {
    @ExceptionHandler
    ProblemDetail ruleViolation(VoucherRuleViolation e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "service-hall/" + e.rule(),
                "The parking voucher cannot be used for this", e.getMessage());
        problem.setProperty("rule", e.rule());
        return problem;
    }
}
