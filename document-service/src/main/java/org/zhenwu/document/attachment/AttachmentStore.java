package org.zhenwu.document.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where attachment bytes live. The default keeps them on local disk ({@link LocalDiskAttachmentStore}); a deployment
 * that runs several instances declares its own bean (object storage, a shared volume) and the default steps aside.
 * Keys are made by {@link AttachmentService} and never reused; hashing and size limits happen before {@link #put}.
 */
public interface AttachmentStore {
    /** Takes over the checked file at {@code source} (it may be moved) and keeps it under {@code key}. */
    void put(String key, Path source) throws IOException;

    InputStream open(String key) throws IOException;

    /** Removes the bytes for good (destruction of a classified document); a missing key is not an error. */
    void delete(String key) throws IOException;
}
