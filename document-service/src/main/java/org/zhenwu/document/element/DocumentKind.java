package org.zhenwu.document.element;

/** What runs through the document machinery: ordinary 公文, 明传电报, and 信访件 forwarded by upper bodies (incoming only). */
public enum DocumentKind {
    DOCUMENT, TELEGRAM, PETITION
}
