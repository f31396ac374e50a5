package org.zhenwu.document.archive;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.zhenwu.platform.web.Problems;

@RestControllerAdvice(assignableTypes = ArchiveController.class)
class ArchiveErrors {
    @ExceptionHandler
    ProblemDetail ruleViolation(ArchiveRuleViolation e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "document/archive/" + e.rule(),
                "The archive rules do not allow this", e.getMessage());
        problem.setProperty("rule", e.rule());
        return problem;
    }

    /** A race the checks could not see: the same document archived, or the same item lent, at the same moment. */
    @ExceptionHandler
    ProblemDetail conflict(DataIntegrityViolationException e) {
        return Problems.of(HttpStatus.CONFLICT, "document/archive/concurrent-change",
                "Someone else just did the same", "The document is archived or the item is lent already");
    }
}
