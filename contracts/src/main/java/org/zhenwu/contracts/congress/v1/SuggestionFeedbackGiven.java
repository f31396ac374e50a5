package org.zhenwu.contracts.congress.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * The deputies gave their verdict on a reply (征询意见表). Topic {@value CongressTopics#SUGGESTION_EVENTS}, key
 * suggestionId. Evolve additively only (new nullable fields); anything else is a new v2 type.
 *
 * @param round         the reply this feedback is about (1 = the first reply)
 * @param category      that reply's class, A–D
 * @param satisfaction  SATISFIED (满意), BASICALLY_SATISFIED (基本满意) or DISSATISFIED (不满意)
 * @param outcome       what follows: CLOSED (办结), TRACKING (B/C kept open until solved) or REHANDLING (重新办理)
 * @param rehandlingDue when outcome is REHANDLING, the day the new reply is due; otherwise null
 */
public record SuggestionFeedbackGiven(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction,
                                      UUID suggestionId, int round, String category, String satisfaction,
                                      String outcome, LocalDate rehandlingDue) implements IntegrationEvent {
    public static final String TYPE = "congress.SuggestionFeedbackGiven";

    public SuggestionFeedbackGiven {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(suggestionId, "suggestionId");
        Objects.requireNonNull(satisfaction, "satisfaction");
    }

    public static SuggestionFeedbackGiven of(String jurisdiction, UUID suggestionId, int round, String category,
                                             String satisfaction, String outcome, LocalDate rehandlingDue, Instant at) {
        return new SuggestionFeedbackGiven(UUID.randomUUID(), 1, at, jurisdiction, suggestionId, round, category,
                satisfaction, outcome, rehandlingDue);
    }
}
