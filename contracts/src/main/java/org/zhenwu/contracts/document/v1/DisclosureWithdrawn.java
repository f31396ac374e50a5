package org.zhenwu.contracts.document.v1;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * A published disclosure item was withdrawn (撤回) and no longer shows publicly; whoever mirrored it takes it down.
 * Topic {@value DocumentTopics#DISCLOSURE_EVENTS}, key itemId. Evolve additively only; anything else is a new v2 type.
 *
 * @param reason why it was withdrawn
 */
public record DisclosureWithdrawn(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction, UUID itemId,
                                  String title, String reason) implements IntegrationEvent {
    public static final String TYPE = "document.DisclosureWithdrawn";

    public DisclosureWithdrawn {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(itemId, "itemId");
    }

    public static DisclosureWithdrawn of(String jurisdiction, UUID itemId, String title, String reason, Instant at) {
        return new DisclosureWithdrawn(UUID.randomUUID(), 1, at, jurisdiction, itemId, title, reason);
    }
}
