package org.zhenwu.document.meeting;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.zhenwu.platform.web.Problems;

@RestControllerAdvice(assignableTypes = MeetingController.class)
class MeetingErrors {
    @ExceptionHandler
    ProblemDetail ruleViolation(MeetingRuleViolation e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "document/" + e.rule(),
                "The 办会 rules do not allow this now", e.getMessage());
        problem.setProperty("rule", e.rule());
        if (!e.conflicts().isEmpty()) {
            problem.setProperty("conflictingMeetings", e.conflicts());
        }
        return problem;
    }
}
