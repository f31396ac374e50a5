package org.zhenwu.contracts.document.v1;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * One finished document (件) or dossier (卷) was archived (归档) under its 件号. Topic
 * {@value DocumentTopics#ARCHIVE_EVENTS}, key itemId. A batch arrangement announces itself once as
 * {@link ArchiveBatchArranged} instead. No title is on the wire (archived documents may be classified).
 * Evolve additively only (new nullable fields); anything else is a new v2 type.
 *
 * @param archiveCode e.g. {@code 440606104-2019-WS-Y30-0001}: town, year, category code, retention, 件号
 * @param category    DOCUMENTARY 文书, MARRIAGE 婚姻, THEMATIC 专题, PHOTO 照片, ACCOUNTING 会计, PERSONNEL 人事, OTHER
 * @param retention   PERMANENT 永久, Y30 30年, Y10 10年
 * @param kind        DOCUMENT (one incoming or outgoing document) or DOSSIER (a titled set)
 * @param documentId  the archived document; null for a dossier
 */
public record ItemArchived(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction, UUID itemId,
                           String archiveCode, int year, String category, String retention, int itemNumber, String kind,
                           UUID documentId) implements IntegrationEvent {
    public static final String TYPE = "document.ItemArchived";

    public ItemArchived {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(itemId, "itemId");
    }

    public static ItemArchived of(String jurisdiction, UUID itemId, String archiveCode, int year, String category,
                                  String retention, int itemNumber, String kind, UUID documentId, Instant at) {
        return new ItemArchived(UUID.randomUUID(), 1, at, jurisdiction, itemId, archiveCode, year, category, retention,
                itemNumber, kind, documentId);
    }
}
