package org.zhenwu.document.access;

/** What a reader did with a classified document. */
public enum ReadAction {
    /** opened the document (elements and text) */
    VIEW,
    /** downloaded an attachment */
    DOWNLOAD,
    /** took an approved copy out */
    EXPORT,
    /**
     * tried to view, download or export it and was refused (no clearance, no need, another town): the document
     * did not exist for them (404), and the attempt is on the record; the detail names what was tried
     */
    REFUSED
}
