package org.zhenwu.document.legal;

/** A legal opinion (法律意见书) is drafted, then issued with its number. */
public enum OpinionStatus {
    DRAFT, ISSUED;

    public boolean canMoveTo(OpinionStatus next) {
        return this == DRAFT && next == ISSUED;
    }
}
