package org.zhenwu.document.attachment;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.zhenwu.platform.web.Problems;

/** Attachments are uploaded through the documents' controllers; their one own error is the size limit. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AttachmentErrors {
    @ExceptionHandler
    ProblemDetail tooLarge(AttachmentTooLarge e) {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Attachment too large", e.getMessage());
    }
}
