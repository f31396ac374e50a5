package org.zhenwu.document.classified;

import java.util.UUID;

import org.zhenwu.document.element.SecrecyLevel;

/** A document of either direction as this feature needs it: where it lives, how secret it is, what to register. */
record DocumentRef(UUID id, Direction direction, String town, SecrecyLevel level, String title, String status,
                   String number, String copyNumber) {
    enum Direction { INCOMING, OUTGOING }

    boolean archivedOrVoided() {
        return "ARCHIVED".equals(status) || "VOIDED".equals(status);
    }
}
