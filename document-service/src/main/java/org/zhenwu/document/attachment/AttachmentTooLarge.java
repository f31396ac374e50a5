package org.zhenwu.document.attachment;

/** An upload went past the size limit while it was read; nothing was kept. → 413 */
public class AttachmentTooLarge extends RuntimeException {
    AttachmentTooLarge(long maxBytes) {
        super("An attachment has at most " + maxBytes + " bytes");
    }
}
