package org.zhenwu.document.archive;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.zhenwu.document.element.SecrecyLevel;

/**
 * An archive item as the office sees it. {@code title} is null for a classified item the caller's clearance does not
 * cover; {@code keptUntil} is the last year of retention (null: 永久); {@code lentTo} the borrower while it is out.
 */
public record ArchiveView(UUID id, String town, int year, ArchiveCategory category, String categoryLabel,
                          Retention retention, String retentionLabel, int itemNumber, String archiveCode,
                          ArchiveItemKind kind, UUID documentId, String direction, String documentNumber, String title,
                          SecrecyLevel secrecyLevel, ArchiveItemStatus status, String arrangedBy, Instant arrangedAt,
                          UUID batchId, Integer keptUntil, Instant destroyedAt, List<String> entries, String lentTo) {

    static ArchiveView of(ArchiveItem i, boolean titleVisible, List<String> entries, String lentTo) {
        return new ArchiveView(i.id(), i.townCode(), i.year(), i.category(), i.category().label(), i.retention(),
                i.retention().label(), i.itemNumber(), i.code(), i.kind(), i.documentId(),
                i.direction() == null ? null : i.direction().name(), i.documentNumber(),
                titleVisible ? i.title() : null,
                i.secrecyLevel(), i.status(), i.arrangedBy(), i.arrangedAt(), i.batchId(),
                i.retention().lastYear(i.year()), i.destroyedAt(), entries, lentTo);
    }
}
