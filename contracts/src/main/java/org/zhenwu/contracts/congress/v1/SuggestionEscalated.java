package org.zhenwu.contracts.congress.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * A deadline of a deputies' suggestion passed unmet and the congress office escalated it (超期督办). Topic
 * {@value CongressTopics#SUGGESTION_EVENTS}, key suggestionId. Evolve additively only (new nullable fields);
 * anything else is a new v2 type.
 *
 * @param overdue REPLY (the lead unit's reply) or CO_UNIT_VIEW (a co-unit's views to the lead unit, 协办意见)
 * @param unit    the unit that is late
 * @param due     the deadline that passed
 */
public record SuggestionEscalated(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction,
                                  UUID suggestionId, String session, int registrationNumber, String title,
                                  String overdue, String unit, LocalDate due) implements IntegrationEvent {
    public static final String TYPE = "congress.SuggestionEscalated";

    public SuggestionEscalated {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(suggestionId, "suggestionId");
        Objects.requireNonNull(overdue, "overdue");
    }

    public static SuggestionEscalated of(String jurisdiction, UUID suggestionId, String session, int registrationNumber,
                                         String title, String overdue, String unit, LocalDate due, Instant at) {
        return new SuggestionEscalated(UUID.randomUUID(), 1, at, jurisdiction, suggestionId, session, registrationNumber,
                title, overdue, unit, due);
    }
}
