package org.zhenwu.gateway.requestsize;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Largest request body the gateway forwards: {@code maxRequestBytes} everywhere, {@code maxUploadBytes} on
 * {@code /api/documents/**} (scanned attachments). Bodies are buffered for retry and fallback, so these also
 * bound the memory one request can take.
 */
@ConfigurationProperties("zhenwu.gateway")
record RequestSizeProperties(@DefaultValue("5MB") DataSize maxRequestBytes,
                             @DefaultValue("20MB") DataSize maxUploadBytes) {

    static final String UPLOAD_PATH_PREFIX = "/api/documents/";

    long limitFor(String path) {
        return (path.startsWith(UPLOAD_PATH_PREFIX) ? maxUploadBytes : maxRequestBytes).toBytes();
    }
}
