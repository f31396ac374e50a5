package org.zhenwu.contracts.document.v1;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * Archive items whose retention period had ended were destroyed (销毁) after appraisal and a town leader's approval;
 * the destruction register keeps the line. Topic {@value DocumentTopics#ARCHIVE_EVENTS}, key destructionId.
 * Evolve additively only (new nullable fields); anything else is a new v2 type.
 *
 * @param approvedBy the town leader who approved the destruction
 * @param items      every destroyed item with its archive code
 */
public record ItemsDestroyed(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction,
                             UUID destructionId, String approvedBy, String destroyedBy, List<Item> items) implements IntegrationEvent {
    public static final String TYPE = "document.ItemsDestroyed";

    public ItemsDestroyed {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(destructionId, "destructionId");
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** One destroyed item. */
    public record Item(UUID itemId, String archiveCode) {
    }

    public static ItemsDestroyed of(String jurisdiction, UUID destructionId, String approvedBy, String destroyedBy,
                                    List<Item> items, Instant at) {
        return new ItemsDestroyed(UUID.randomUUID(), 1, at, jurisdiction, destructionId, approvedBy, destroyedBy,
                items);
    }
}
