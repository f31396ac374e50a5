package org.zhenwu.document.classified;

import java.time.Instant;
import java.util.UUID;

import org.zhenwu.document.element.SecrecyLevel;

public record CopyRequestView(UUID id, UUID documentId, String town, SecrecyLevel secrecyLevel, String title, int copies,
                              int copiesLeft, String reason, String requestedBy, Instant requestedAt,
                              CopyRequestStatus status, String decidedBy, Instant decidedAt, String decisionNote) {
    static CopyRequestView of(CopyRequest r, boolean showTitle) {
        return new CopyRequestView(r.id(), r.documentId(), r.townCode(), r.secrecyLevel(), showTitle ? r.title() : null,
                r.copies(), r.copiesLeft(), r.reason(), r.requestedBy(), r.requestedAt(), r.status(), r.decidedBy(),
                r.decidedAt(), r.decisionNote());
    }
}
