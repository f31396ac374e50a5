package org.zhenwu.fleet.platform;

import java.sql.SQLException;
import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.zhenwu.platform.web.Problems;

/** Maps {@link FleetRuleViolation} for every fleet controller; the platform's advice maps everything else. */
@RestControllerAdvice(basePackages = "org.zhenwu.fleet")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class FleetErrors {

    @ExceptionHandler
    ProblemDetail ruleViolation(FleetRuleViolation e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "fleet/" + e.rule(),
                "The fleet's rules do not allow this", e.getMessage());
        problem.setProperty("rule", e.rule());
        if (e.field() != null) {
            problem.setProperty("errors", List.of(new Problems.FieldError(e.field(), e.getMessage())));
        }
        e.facts().forEach(problem::setProperty);
        return problem;
    }

    /** MySQL's and MariaDB's ER_DUP_ENTRY, however the JPA or JDBC layer wrapped it. */
    public static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == 1062) {
                return true;
            }
        }
        return false;
    }
}
