package org.zhenwu.platform.web;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.zhenwu.platform.importing.ImportRejected;

import jakarta.validation.ConstraintViolationException;
import tools.jackson.core.JacksonException;

/**
 * The platform-wide RFC 9457 mapping. Features add their own {@code <Feature>Errors} advice for their own
 * exceptions; this one runs last. Bad input always names the field: {@code errors: [{field, message}]}.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(e -> errors.add(new Problems.FieldError(e.getField(), e.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors().forEach(e -> errors.add(new Problems.FieldError(e.getObjectName(), e.getDefaultMessage())));
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        List<Problems.FieldError> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(e -> errors.add(
                new Problems.FieldError(r.getMethodParameter().getParameterName(), e.getDefaultMessage()))));
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (RequestSizeLimit.isTooLarge(ex)) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large", ex.getCause() == null
                            ? "The request body is too large" : rootMessage(ex)));
        }
        String field = fieldOf(ex);
        String message = field == null ? "the request body is not valid JSON" : "has the wrong type or format";
        List<Problems.FieldError> errors = List.of(new Problems.FieldError(field == null ? "body" : field, message));
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @ExceptionHandler
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return Problems.invalidField(e.getName(), "has the wrong type or format");
    }

    @ExceptionHandler
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        List<Problems.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problems.FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList();
        return invalid(errors);
    }

    @ExceptionHandler
    ProblemDetail invalidField(InvalidFieldException e) {
        return Problems.invalidField(e.field(), e.getMessage());
    }

    /** A rejected import file: every problem as {@code errors: [{field: "line N: field", message}]}, at most 1000. */
    @ExceptionHandler
    ProblemDetail importRejected(ImportRejected e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid import file", e.getMessage());
        problem.setProperty("errors", e.errors().stream().limit(1000)
                .map(r -> new Problems.FieldError("line " + r.line() + ": " + r.field(), r.message())).toList());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail p = Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
        p.setProperty("resource", e.resource());
        return p;
    }

    @ExceptionHandler
    ProblemDetail illegalTransition(IllegalTransitionException e) {
        ProblemDetail p = Problems.of(HttpStatus.CONFLICT, "illegal-transition",
                e.aggregate() + " is not in a state that allows this action", e.getMessage());
        p.setProperty("currentStatus", e.currentStatus());
        if (e.attemptedStatus() != null) {
            p.setProperty("attemptedStatus", e.attemptedStatus());
        }
        return p;
    }

    @ExceptionHandler
    ProblemDetail optimisticLock(OptimisticLockingFailureException e) {
        return Problems.of(HttpStatus.CONFLICT, "concurrent-update", "Changed by someone else",
                "The record was changed by another user at the same time; reload it and try again");
    }

    @ExceptionHandler
    ProblemDetail duplicate(DuplicateKeyException e) {
        return Problems.of(HttpStatus.CONFLICT, "duplicate", "Already exists", "A record with the same key already exists");
    }

    @ExceptionHandler
    ProblemDetail forbidden(ForbiddenException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail accessDenied(AccessDeniedException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your role does not allow this action");
    }

    /**
     * Anything no handler above knows: a 500 problem that tells the caller nothing of the inside (no message, no stack)
     * but the correlation id under which the log holds the whole story.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        String reference = MDC.get(CorrelationId.MDC_KEY);
        if (lostDatabase(e)) {
            log.warn("Request failed: the database connection was lost [{}]: {}", reference, rootMessage(e));
            ProblemDetail p = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                    "Database unavailable", "The connection to the database was lost while the request ran; try again "
                            + "in a moment. If the request changed something, read it first: a change may have been saved "
                            + "just before the connection broke. Reference " + reference);
            p.setProperty("reference", reference);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(p);
        }
        log.error("Request failed [{}]", reference, e);
        ProblemDetail p = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request could not be completed; nothing was changed unless a later read shows it. Quote reference "
                        + reference + " when reporting this");
        p.setProperty("reference", reference);
        return ResponseEntity.internalServerError().body(p);
    }

    /**
     * The database went away under the request (restarted, connection killed, pool unable to connect): no
     * connection could be had ({@link CannotCreateTransactionException}, {@link DataAccessResourceFailureException})
     * or a JDBC connection error (SQLSTATE class 08, or the driver's connection exceptions) anywhere in the causes,
     * or Hibernate unable to begin, commit or roll back against its connection (a rollback fails only on a broken
     * connection; the pool's closed proxy then says "Connection is closed" without a SQLSTATE, and Spring throws the
     * rollback failure in place of the original error).
     * The pool replaces broken connections by itself, so the service recovers without a restart: 503, retry.
     */
    static boolean lostDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof java.sql.SQLRecoverableException || t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if ("org.hibernate.TransactionException".equals(t.getClass().getName())) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (statusCode.is5xxServerError()) {
            log.error("Request failed", ex);
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private static ProblemDetail invalid(List<Problems.FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).sorted()
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        ProblemDetail p = Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
        p.setProperty("errors", errors);
        return p;
    }

    private static String rootMessage(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null && !(t instanceof RequestSizeLimit.TooLarge)) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /** The JSON path of the offending field ("caller.phone", "items[2].code"), if Jackson knows it. */
    private static String fieldOf(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof JacksonException je && je.getPath() != null && !je.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (JacksonException.Reference ref : je.getPath()) {
                    if (ref.getPropertyName() != null) {
                        if (!path.isEmpty()) {
                            path.append('.');
                        }
                        path.append(ref.getPropertyName());
                    } else if (ref.getIndex() >= 0) {
                        path.append('[').append(ref.getIndex()).append(']');
                    }
                }
                return path.isEmpty() ? null : path.toString();
            }
        }
        return null;
    }
}
