package org.zhenwu.document.attachment;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One file attached to a document: metadata here, bytes in the {@link AttachmentStore}. */
@Entity
@Table(name = "attachment")
class Attachment {
    @Id
    private UUID id;
    private UUID documentId;
    private String townCode;
    private String fileName;
    private String contentType;
    private long sizeBytes;
    private String sha256;
    private String storageKey;
    private String uploadedBy;
    private Instant uploadedAt;
    private String removedBy;
    private Instant removedAt;
    private Instant destroyedAt;
    @Version
    private long version;

    protected Attachment() {
        // for JPA
    }

    Attachment(UUID id, UUID documentId, String townCode, String fileName, String contentType, long sizeBytes,
               String sha256, String storageKey, String uploadedBy, Instant uploadedAt) {
        this.id = id;
        this.documentId = documentId;
        this.townCode = townCode;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.storageKey = storageKey;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    /** Taken off the document; the bytes stay until the document is destroyed (the audit may need them). */
    boolean remove(String by, Instant at) {
        if (removedAt != null) {
            return false;
        }
        removedBy = by;
        removedAt = at;
        return true;
    }

    void markDestroyed(Instant at) {
        destroyedAt = at;
    }

    UUID id() { return id; }
    UUID documentId() { return documentId; }
    String fileName() { return fileName; }
    String contentType() { return contentType; }
    long sizeBytes() { return sizeBytes; }
    String sha256() { return sha256; }
    String storageKey() { return storageKey; }
    String uploadedBy() { return uploadedBy; }
    Instant uploadedAt() { return uploadedAt; }
    Instant removedAt() { return removedAt; }
    Instant destroyedAt() { return destroyedAt; }
}
