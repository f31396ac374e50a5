package org.zhenwu.document.classified;

import java.time.Instant;
import java.util.UUID;

import org.zhenwu.document.element.SecrecyLevel;

/** A destruction request, and once carried out, a line of the destruction register. */
public record DestructionView(UUID id, UUID documentId, String town, SecrecyLevel secrecyLevel, String title,
                              String documentNumber, String copyNumber, String reason, String requestedBy,
                              Instant requestedAt, DestructionStatus status, String decidedBy, Instant decidedAt,
                              String decisionNote, String destroyedBy, Instant destroyedAt, String method, String witness) {
    static DestructionView of(DestructionRequest r, boolean showTitle) {
        return new DestructionView(r.id(), r.documentId(), r.townCode(), r.secrecyLevel(), showTitle ? r.title() : null,
                r.documentNumber(), r.copyNumber(), r.reason(), r.requestedBy(), r.requestedAt(), r.status(),
                r.decidedBy(), r.decidedAt(), r.decisionNote(), r.destroyedBy(), r.destroyedAt(), r.method(), r.witness());
    }
}
