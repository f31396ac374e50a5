package org.zhenwu.hotline.open311;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.zhenwu.platform.web.ForbiddenException;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.platform.web.NotFoundException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;

/**
 * Under /open311 every error is Open311's own list, never problem+json: {@code <errors><error><code>400</code>
 * <description>…</description></error></errors>} or {@code [{"code":400,"description":"…"}]}, in the format of the
 * path's extension (XML when it names none), with the code as the HTTP status.
 */
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311Errors {
    private static final Logger log = LoggerFactory.getLogger(Open311Errors.class);

    private final Open311Writer writer;

    Open311Errors(Open311Writer writer) {
        this.writer = writer;
    }

    @ExceptionHandler
    ResponseEntity<String> open311(Open311Exception e, HttpServletRequest request) {
        return error(request, e.status(), e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<String> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return error(request, 400, e.getParameterName() + " was not provided");
    }

    @ExceptionHandler({ServletRequestBindingException.class, MethodArgumentTypeMismatchException.class,
            HttpMessageNotReadableException.class, HandlerMethodValidationException.class,
            ConstraintViolationException.class})
    ResponseEntity<String> badInput(Exception e, HttpServletRequest request) {
        return error(request, 400, e instanceof MethodArgumentTypeMismatchException m
                ? m.getName() + " has the wrong type or format" : e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<String> invalidField(InvalidFieldException e, HttpServletRequest request) {
        return error(request, 400, e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<String> notFound(NotFoundException e, HttpServletRequest request) {
        return error(request, 404, e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<String> forbidden(ForbiddenException e, HttpServletRequest request) {
        return error(request, 403, e.getMessage());
    }

    /** The spec's "general service error"; details stay in the log. */
    @ExceptionHandler
    ResponseEntity<String> unexpected(Exception e, HttpServletRequest request) {
        log.error("Open311 request failed: {} {}", request.getMethod(), request.getRequestURI(), e);
        return error(request, 500, "General service error: the request could not be processed");
    }

    private ResponseEntity<String> error(HttpServletRequest request, int code, String description) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("description", description);
        return writer.respond(code, Open311Writer.Format.ofPath(request.getRequestURI()), "errors",
                new Open311Writer.Items("error", List.of(error)));
    }
}
