package org.zhenwu.gateway.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes RFC 9457 problem details straight onto the response. The gateway answers from filters, the security
 * entry point, the circuit-breaker fallback and the error handler, so one writer keeps every answer alike.
 */
@Component
public class Problems {

    public static final String TYPES = "https://zhenwu.org/problems/gateway/";

    private final JsonMapper json;

    Problems(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String type, String title,
                            String detail) {
        return write(exchange, status, type, title, detail, Map.of());
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String type, String title,
                            String detail, Map<String, Object> extensions) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("type", TYPES + type);
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        String path = exchange.getAttribute(ExchangeAttributes.ORIGINAL_PATH);
        body.put("instance", path != null ? path : exchange.getRequest().getPath().value());
        String correlationId = exchange.getAttribute(ExchangeAttributes.CORRELATION_ID);
        if (correlationId != null) {
            body.put("correlationId", correlationId);
        }
        body.putAll(extensions);
        byte[] bytes = json.writeValueAsBytes(body);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(bytes.length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(bytes)));
    }

    /** The status the gateway answers for an exception that escaped the filter chain. */
    public static HttpStatusCode statusOf(Throwable error) {
        if (error instanceof ResponseStatusException e) {
            return e.getStatusCode();
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
