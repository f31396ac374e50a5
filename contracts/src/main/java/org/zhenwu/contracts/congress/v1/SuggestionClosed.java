package org.zhenwu.contracts.congress.v1;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * A deputies' suggestion is finished (办结): its last reply was accepted, or it was re-handled as often as the rules
 * allow. Topic {@value CongressTopics#SUGGESTION_EVENTS}, key suggestionId. Carries what the annual summary counts.
 * Evolve additively only (new nullable fields); anything else is a new v2 type.
 *
 * @param kind             SUGGESTION (建议), MOTION (议案) or PROPOSAL (政协提案)
 * @param category         the last reply's class, A–D
 * @param satisfaction     the last feedback: SATISFIED, BASICALLY_SATISFIED or DISSATISFIED
 * @param firstReplyOnTime the first reply came by its deadline (按时办复)
 * @param replies          how many replies it took
 */
public record SuggestionClosed(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction,
                               UUID suggestionId, String kind, String session, int registrationNumber, String leadUnit,
                               String category, String satisfaction, boolean firstReplyOnTime, int replies)
        implements IntegrationEvent {
    public static final String TYPE = "congress.SuggestionClosed";

    public SuggestionClosed {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(suggestionId, "suggestionId");
    }

    public static SuggestionClosed of(String jurisdiction, UUID suggestionId, String kind, String session,
                                      int registrationNumber, String leadUnit, String category, String satisfaction,
                                      boolean firstReplyOnTime, int replies, Instant at) {
        return new SuggestionClosed(UUID.randomUUID(), 1, at, jurisdiction, suggestionId, kind, session,
                registrationNumber, leadUnit, category, satisfaction, firstReplyOnTime, replies);
    }
}
