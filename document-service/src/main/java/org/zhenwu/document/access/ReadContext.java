package org.zhenwu.document.access;

import org.slf4j.MDC;
import org.zhenwu.platform.web.CorrelationId;

import jakarta.servlet.http.HttpServletRequest;

/** Where a read came from, for the classified read log. Behind the gateway the address is the forwarded client's. */
public record ReadContext(String ip, String correlationId) {
    public static ReadContext of(HttpServletRequest request) {
        return new ReadContext(request.getRemoteAddr(), MDC.get(CorrelationId.MDC_KEY));
    }

    /** For reads that don't come over HTTP (jobs, tests). */
    public static ReadContext internal() {
        return new ReadContext(null, MDC.get(CorrelationId.MDC_KEY));
    }
}
