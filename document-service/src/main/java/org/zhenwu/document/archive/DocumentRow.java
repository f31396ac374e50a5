package org.zhenwu.document.archive;

import java.time.Instant;
import java.util.UUID;

import org.zhenwu.document.element.SecrecyLevel;

/** A finished-or-not incoming or outgoing document as archiving needs it, read from the document tables. */
record DocumentRow(UUID id, Direction direction, String town, String status, String title, SecrecyLevel level,
                   String documentType, String number, Integer year, Instant at, Integer sequence) {
    enum Direction { INCOMING, OUTGOING }

    /** 收文 办结 (or already 归档 in its workflow); 发文 核发 (or 归档). */
    boolean finished() {
        return direction == Direction.INCOMING ? "COMPLETED".equals(status) || "ARCHIVED".equals(status)
                : "DISTRIBUTED".equals(status) || "ARCHIVED".equals(status);
    }
}
