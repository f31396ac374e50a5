package org.zhenwu.gateway.requestsize;

import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.zhenwu.gateway.platform.Problems;

/**
 * Refuses oversize bodies with 413 before authentication, so nobody can make the gateway buffer megabytes
 * first. A declared Content-Length is checked up front; a streamed body is counted as it arrives.
 */
@Component
class RequestSizeFilter implements WebFilter, Ordered {

    private final RequestSizeProperties sizes;
    private final Problems problems;

    RequestSizeFilter(RequestSizeProperties sizes, Problems problems) {
        this.sizes = sizes;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return -200;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long limit = sizes.limitFor(request.getPath().value());
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "content-too-large", "Content Too Large",
                    detail(limit));
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new CountingRequest(request, limit)).build());
    }

    static String detail(long limit) {
        return "The request body exceeds the limit of " + DataSize.ofBytes(limit).toKilobytes() + " KB";
    }

    private static final class CountingRequest extends ServerHttpRequestDecorator {

        private final long limit;

        CountingRequest(ServerHttpRequest delegate, long limit) {
            super(delegate);
            this.limit = limit;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                    DataBufferUtils.release(buffer);
                    sink.error(new RequestTooLarge(limit));
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
