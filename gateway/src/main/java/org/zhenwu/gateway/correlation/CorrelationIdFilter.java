package org.zhenwu.gateway.correlation;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.micrometer.context.ContextRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.zhenwu.gateway.platform.ExchangeAttributes;
import org.zhenwu.gateway.platform.Problems;

/**
 * First filter of every request: settles the {@code X-Correlation-Id} (the client's if sane, else a new UUID),
 * sends it downstream and back, puts it in the Reactor context (and from there in the logging MDC), and writes
 * one access-log line when the exchange ends.
 */
@Component
class CorrelationIdFilter implements WebFilter, Ordered {

    static final String HEADER = "X-Correlation-Id";
    /** MDC key, and Reactor context key that the context-propagation library copies into the MDC. */
    static final String MDC_KEY = "correlationId";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Logger access = LoggerFactory.getLogger("org.zhenwu.gateway.access");

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(MDC_KEY,
                () -> MDC.get(MDC_KEY), value -> MDC.put(MDC_KEY, value), () -> MDC.remove(MDC_KEY));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long started = System.nanoTime();
        String id = acceptOrCreate(exchange.getRequest().getHeaders().getFirst(HEADER));
        exchange.getAttributes().put(ExchangeAttributes.CORRELATION_ID, id);
        exchange.getAttributes().put(ExchangeAttributes.ORIGINAL_PATH, exchange.getRequest().getPath().value());
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, id);
            return Mono.empty();
        });
        ServerWebExchange forwarded = exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(HEADER, id)))
                .build();
        return chain.filter(forwarded)
                .doOnEach(signal -> {
                    if (signal.isOnComplete() || signal.isOnError()) {
                        logAccess(forwarded, id, started, signal.getThrowable());
                    }
                })
                .doOnCancel(() -> logAccess(forwarded, id, started, null))
                .contextWrite(context -> context.put(MDC_KEY, id));
    }

    static String acceptOrCreate(String candidate) {
        return candidate != null && SANE.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }

    private static void logAccess(ServerWebExchange exchange, String id, long started, Throwable error) {
        if (!access.isInfoEnabled()) {
            return;
        }
        // an error is answered by the error handler after this filter returns: report the status it will write
        HttpStatusCode status = error != null ? Problems.statusOf(error) : exchange.getResponse().getStatusCode();
        String subject = exchange.getAttributeOrDefault(ExchangeAttributes.SUBJECT, "-");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        String method = exchange.getRequest().getMethod().name();
        String path = exchange.getAttributeOrDefault(ExchangeAttributes.ORIGINAL_PATH, "");
        String previous = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, id);
        try {
            access.atInfo()
                    .addKeyValue("http.request.method", method)
                    .addKeyValue("url.path", path)
                    .addKeyValue("http.response.status_code", status != null ? status.value() : 0)
                    .addKeyValue("duration_ms", millis)
                    .addKeyValue("user.id", subject)
                    .log("{} {} {} {}ms correlationId={} subject={}", method, path,
                            status != null ? status.value() : "-", millis, id, subject);
        } finally {
            if (previous != null) {
                MDC.put(MDC_KEY, previous);
            } else {
                MDC.remove(MDC_KEY);
            }
        }
    }
}
