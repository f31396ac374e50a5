package org.zhenwu.gateway.platform;

/** Keys under which the gateway's filters share per-request facts (attributes survive exchange mutation). */
public final class ExchangeAttributes {

    public static final String CORRELATION_ID = "zhenwu.correlationId";
    /** The path as the client sent it, before any rewrite or fallback forward. */
    public static final String ORIGINAL_PATH = "zhenwu.originalPath";
    /** JWT {@code sub} once authenticated; read by the access log. */
    public static final String SUBJECT = "zhenwu.subject";

    private ExchangeAttributes() {
    }
}
