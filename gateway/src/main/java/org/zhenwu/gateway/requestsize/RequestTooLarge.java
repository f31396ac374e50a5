package org.zhenwu.gateway.requestsize;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A streamed body (no Content-Length) went past the limit; the error handler answers 413. */
class RequestTooLarge extends ResponseStatusException {

    RequestTooLarge(long limit) {
        super(HttpStatus.CONTENT_TOO_LARGE, RequestSizeFilter.detail(limit));
    }
}
