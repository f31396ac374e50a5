package org.zhenwu.document.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.platform.web.NotFoundException;

/**
 * Keeps documents' files: size-limited while streaming, hashed (SHA-256), stored through the pluggable
 * {@link AttachmentStore}. Knows nothing of callers: the documents' services decide who may attach or read,
 * and call this inside their transaction.
 */
@Service
public class AttachmentService {
    private final AttachmentRepository attachments;
    private final AttachmentStore store;
    private final AttachmentProperties properties;
    private final Clock clock;

    AttachmentService(AttachmentRepository attachments, AttachmentStore store, AttachmentProperties properties, Clock clock) {
        this.attachments = attachments;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** Reads the content once (hashing and counting), stores it, records it. Runs in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public AttachmentView attach(UUID documentId, String town, String fileName, String contentType, InputStream content,
                                 String by) {
        if (fileName == null || fileName.isBlank() || fileName.length() > 255 || fileName.matches(".*[\\\\/\\x00-\\x1f].*")) {
            throw new InvalidFieldException("fileName", "is a plain file name of 1 to 255 characters, without slashes");
        }
        if (attachments.countByDocumentIdAndRemovedAtIsNull(documentId) >= properties.maxPerDocument()) {
            throw new InvalidFieldException("attachments", "a document carries at most " + properties.maxPerDocument() + " attachments");
        }
        UUID id = UUID.randomUUID();
        String key = town + "/" + documentId + "/" + id;
        Path temp = null;
        try {
            temp = Files.createTempFile("zhenwu-attachment-", ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long max = properties.maxSize().toBytes();
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(temp)) {
                int n;
                while ((n = content.read(buffer)) != -1) {
                    size += n;
                    if (size > max) {
                        throw new AttachmentTooLarge(max);
                    }
                    sha.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            if (size == 0) {
                throw new InvalidFieldException("content", "an attachment is not empty");
            }
            store.put(key, temp);
            temp = null;
            Attachment a = new Attachment(id, documentId, town, fileName.strip(),
                    contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType, size,
                    HexFormat.of().formatHex(sha.digest()), key, by, clock.instant());
            attachments.save(a);
            return AttachmentView.of(a);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store attachment " + key, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    /** The document's current attachments, oldest first. */
    @Transactional(readOnly = true)
    public List<AttachmentView> list(UUID documentId) {
        return attachments.findByDocumentIdAndRemovedAtIsNullAndDestroyedAtIsNullOrderByUploadedAt(documentId).stream()
                .map(AttachmentView::of).toList();
    }

    @Transactional(readOnly = true)
    public AttachmentView get(UUID documentId, UUID attachmentId) {
        Attachment a = attachments.findByIdAndDocumentId(attachmentId, documentId)
                .filter(x -> x.removedAt() == null && x.destroyedAt() == null)
                .orElseThrow(() -> new NotFoundException("Attachment", attachmentId));
        return AttachmentView.of(a);
    }

    /** The bytes; the caller closes the stream. */
    public InputStream open(AttachmentView attachment) {
        Attachment a = attachments.findById(attachment.id()).orElseThrow(() -> new NotFoundException("Attachment", attachment.id()));
        try {
            return store.open(a.storageKey());
        } catch (IOException e) {
            throw new UncheckedIOException("Attachment " + a.id() + " is missing from the store", e);
        }
    }

    /** @return false when it was already removed */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean remove(UUID documentId, UUID attachmentId, String by) {
        Attachment a = attachments.findByIdAndDocumentId(attachmentId, documentId)
                .orElseThrow(() -> new NotFoundException("Attachment", attachmentId));
        return a.remove(by, clock.instant());
    }

    /** Destruction: every file of the document is deleted from the store; the metadata stays for the register. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int destroyAll(UUID documentId) {
        Instant now = clock.instant();
        int n = 0;
        for (Attachment a : attachments.findByDocumentIdOrderByUploadedAt(documentId)) {
            if (a.destroyedAt() != null) {
                continue;
            }
            try {
                store.delete(a.storageKey());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete attachment " + a.id(), e);
            }
            a.markDestroyed(now);
            n++;
        }
        return n;
    }
}
