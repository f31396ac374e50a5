package org.zhenwu.contracts.congress.v1;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * A deputy's suggestion or motion (建议/议案), or a CPPCC proposal (提案), was submitted (or brought in from an earlier
 * system, with its original submission time). Counts towards "代表的意见建议XX条" in the period of {@code submittedAt},
 * as congress-service's own figures do. Topic {@value CongressTopics#SUGGESTION_EVENTS}, key suggestionId (so it comes
 * before the suggestion's other events on its partition). Evolve additively only (new nullable fields); anything else
 * is a new v2 type.
 *
 * @param kind        SUGGESTION, MOTION or PROPOSAL
 * @param session     the session it belongs to, as officials name it
 * @param submittedAt when it was handed in (for an import: the time recorded in the earlier system)
 */
public record SuggestionSubmitted(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction,
                                  UUID suggestionId, String kind, String session, String title, Instant submittedAt)
        implements IntegrationEvent {
    public static final String TYPE = "congress.SuggestionSubmitted";

    public SuggestionSubmitted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(suggestionId, "suggestionId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(submittedAt, "submittedAt");
    }

    public static SuggestionSubmitted of(String jurisdiction, UUID suggestionId, String kind, String session,
                                         String title, Instant submittedAt, Instant at) {
        return new SuggestionSubmitted(UUID.randomUUID(), 1, at, jurisdiction, suggestionId, kind, session, title,
                submittedAt);
    }
}
