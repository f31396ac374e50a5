package org.zhenwu.document.archive;

/** 件 (one finished document) or 卷 (a dossier: a titled set of items). */
public enum ArchiveItemKind {
    DOCUMENT, DOSSIER
}
