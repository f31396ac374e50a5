package org.zhenwu.congress.suggestion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What happened to a suggestion, inside congress-service. {@link SuggestionService} turns these into contract events. */
sealed interface SuggestionEvent {
    record Submitted(UUID suggestionId, Instant occurredAt) implements SuggestionEvent {
    }

    record Registered(UUID suggestionId, int registrationNumber, Instant occurredAt) implements SuggestionEvent {
    }

    record Assigned(UUID suggestionId, String leadUnit, LocalDate replyDue, Instant occurredAt) implements SuggestionEvent {
    }
}
