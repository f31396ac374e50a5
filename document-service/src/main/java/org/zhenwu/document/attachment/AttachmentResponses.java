package org.zhenwu.document.attachment;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.zhenwu.document.element.SecrecyLevel;

/** How the documents' controllers answer with an attachment's bytes. */
public final class AttachmentResponses {
    private AttachmentResponses() {
    }

    /**
     * Classified content is shown inline and never cached; the SHA-256 is sent as {@code Repr-Digest} (RFC 9530)
     * and as the ETag, so a client can check what it received.
     */
    public static ResponseEntity<InputStreamResource> of(AttachmentView a, SecrecyLevel level, InputStream content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDisposition((level.classified() ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(a.fileName(), StandardCharsets.UTF_8).build());
        headers.setContentLength(a.size());
        headers.setETag("\"" + a.sha256() + "\"");
        headers.set("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(a.sha256())) + ":");
        headers.setCacheControl(level.classified() ? CacheControl.noStore() : CacheControl.noCache());
        MediaType type;
        try {
            type = MediaType.parseMediaType(a.contentType());
        } catch (RuntimeException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        headers.setContentType(type);
        return ResponseEntity.ok().headers(headers).body(new InputStreamResource(content));
    }
}
