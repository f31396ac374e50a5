package org.zhenwu.document.attachment;

import java.time.Instant;
import java.util.UUID;

/** An attachment's metadata as the feature hands it out. {@code sha256} is the lowercase hex content hash. */
public record AttachmentView(UUID id, UUID documentId, String fileName, String contentType, long size, String sha256,
                             String uploadedBy, Instant uploadedAt) {
    static AttachmentView of(Attachment a) {
        return new AttachmentView(a.id(), a.documentId(), a.fileName(), a.contentType(), a.sizeBytes(), a.sha256(),
                a.uploadedBy(), a.uploadedAt());
    }
}
