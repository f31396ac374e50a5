package org.zhenwu.document.access;

/** What a reader did with a classified document. */
public enum ReadAction {
    /** opened the document (elements and text) */
    VIEW,
    /** downloaded an attachment */
    DOWNLOAD,
    /** took an approved copy out */
    EXPORT
}
