package org.zhenwu.contracts.congress.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * The reply deadline of a complex suggestion was extended (延期办复, at most six months from 交办) and the deputies
 * were told. Topic {@value CongressTopics#SUGGESTION_EVENTS}, key suggestionId. A supervision task may move its
 * deadline. Evolve additively only (new nullable fields); anything else is a new v2 type.
 *
 * @param deputiesToldOn the day the leading deputy was told of the extension
 */
public record SuggestionExtended(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction,
                                 UUID suggestionId, String leadUnit, LocalDate previousReplyDue, LocalDate replyDue,
                                 String reason, LocalDate deputiesToldOn) implements IntegrationEvent {
    public static final String TYPE = "congress.SuggestionExtended";

    public SuggestionExtended {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(suggestionId, "suggestionId");
        Objects.requireNonNull(replyDue, "replyDue");
    }

    public static SuggestionExtended of(String jurisdiction, UUID suggestionId, String leadUnit, LocalDate previousReplyDue,
                                        LocalDate replyDue, String reason, LocalDate deputiesToldOn, Instant at) {
        return new SuggestionExtended(UUID.randomUUID(), 1, at, jurisdiction, suggestionId, leadUnit, previousReplyDue,
                replyDue, reason, deputiesToldOn);
    }
}
