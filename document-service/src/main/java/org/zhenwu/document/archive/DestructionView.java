package org.zhenwu.document.archive;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A destruction request and, once DESTROYED, a line of the destruction register (销毁清册). */
public record DestructionView(UUID id, String town, String reason, DestructionStatus status, String requestedBy,
                              Instant requestedAt, String decidedBy, Instant decidedAt, String decisionNote,
                              String destroyedBy, Instant destroyedAt, String method, List<Item> items) {

    public record Item(UUID itemId, String archiveCode) {
    }

    static DestructionView of(ArchiveDestruction d) {
        return new DestructionView(d.id(), d.townCode(), d.reason(), d.status(), d.requestedBy(), d.requestedAt(),
                d.decidedBy(), d.decidedAt(), d.decisionNote(), d.destroyedBy(), d.destroyedAt(), d.method(),
                d.items().stream().map(e -> new Item(e.itemId(), e.archiveCode())).toList());
    }
}
