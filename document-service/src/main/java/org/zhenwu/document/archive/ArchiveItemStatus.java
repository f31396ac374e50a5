package org.zhenwu.document.archive;

/** An archived item is kept until its retention ends, then may be destroyed (销毁) after approval. */
public enum ArchiveItemStatus {
    ARCHIVED, DESTROYED;

    public boolean canMoveTo(ArchiveItemStatus next) {
        return this == ARCHIVED && next == DESTROYED;
    }
}
