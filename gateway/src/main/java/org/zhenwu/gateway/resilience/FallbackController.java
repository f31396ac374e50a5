package org.zhenwu.gateway.resilience;

import java.io.IOException;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.swagger.v3.oas.annotations.Hidden;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.zhenwu.gateway.platform.ContextLogging;
import org.zhenwu.gateway.platform.Problems;

/**
 * Target of every route's circuit-breaker {@code fallbackUri}: the service is down, too slow, answered 5xx,
 * or its circuit is open. The client gets 503 problem+json naming the service.
 */
@Hidden
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    private final Problems problems;

    FallbackController(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping("/fallback/{service:[a-z]+(?:-[a-z]+)*-service}")
    Mono<Void> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (cause instanceof ResponseStatusException e && e.getStatusCode().value() == 413) {
            // a streamed body went over the limit while being proxied: not the service's fault
            return problems.write(exchange, e.getStatusCode(), "content-too-large", "Content Too Large",
                    e.getReason());
        }
        return ContextLogging.logThen(
                () -> log.warn("{} unavailable: {}", service, cause == null ? "unknown cause" : cause.toString()),
                problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service Unavailable",
                        service + " is unavailable; try again shortly" + mayHaveBeenDone(exchange, cause),
                        Map.of("service", service)));
    }

    /**
     * A change the service got but did not answer (the time limit passed, the connection dropped) may have been
     * carried out: the clerk must not simply repeat it. Refused connections, an open circuit and the service's own 5xx
     * answers mean it was not.
     */
    private static String mayHaveBeenDone(ServerWebExchange exchange, Throwable cause) {
        HttpMethod method = exchange.getRequest().getMethod();
        boolean change = !(HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)
                || HttpMethod.OPTIONS.equals(method));
        return change && unanswered(cause) ? "; the request may have been carried out: send it again with the same "
                + "Idempotency-Key to get its answer, or look before repeating it" : "";
    }

    private static boolean unanswered(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return false;
            }
            if (t instanceof TimeoutException || t instanceof org.springframework.cloud.gateway.support.TimeoutException
                    || t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
