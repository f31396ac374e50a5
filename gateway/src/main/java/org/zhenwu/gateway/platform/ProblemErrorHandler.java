package org.zhenwu.gateway.platform;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Renders whatever escapes the filter chain (no route, oversize streamed body, gateway timeout, bugs) as
 * problem+json. Runs before Boot's own handler (order -1), which would answer plain JSON.
 */
@Component
@Order(-2)
class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    private final Problems problems;

    ProblemErrorHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        HttpStatusCode status = Problems.statusOf(error);
        String detail;
        boolean unhandled = false;
        if (error instanceof ResponseStatusException e && e.getReason() != null) {
            detail = e.getReason();
        } else if (status.is5xxServerError()) {
            unhandled = true;
            detail = "The gateway failed to handle the request";
        } else {
            detail = error.getMessage();
        }
        HttpStatus known = status instanceof HttpStatus exact ? exact : HttpStatus.resolve(status.value());
        String title = known != null ? known.getReasonPhrase() : "HTTP " + status.value();
        String type = title.toLowerCase(Locale.ROOT).replace(' ', '-');
        Mono<Void> answer = problems.write(exchange, status, type, title, detail);
        return !unhandled ? answer : ContextLogging.logThen(() -> log.error("Unhandled error on {} {}",
                exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error), answer);
    }
}
