package org.zhenwu.congress.suggestion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What happened to a suggestion, inside congress-service. {@link SuggestionService} turns these into contract events. */
sealed interface SuggestionEvent {
    record Submitted(UUID suggestionId, Instant occurredAt) implements SuggestionEvent {
    }

    record Registered(UUID suggestionId, int registrationNumber, Instant occurredAt) implements SuggestionEvent {
    }

    record Assigned(UUID suggestionId, String leadUnit, LocalDate replyDue, Instant occurredAt) implements SuggestionEvent {
    }

    record CoUnitViewGiven(UUID suggestionId, String unit, boolean onTime, Instant occurredAt) implements SuggestionEvent {
    }

    record Extended(UUID suggestionId, LocalDate previousDue, LocalDate replyDue, String reason, LocalDate deputiesToldOn,
                    Instant occurredAt) implements SuggestionEvent {
    }

    record Replied(UUID suggestionId, int round, ReplyStage stage, ReplyCategory category, LocalDate due,
                   LocalDate repliedOn, boolean onTime, Instant occurredAt) implements SuggestionEvent {
    }

    record FeedbackGiven(UUID suggestionId, int round, ReplyCategory category, Satisfaction satisfaction,
                         SuggestionStatus outcome, LocalDate rehandlingDue, Instant occurredAt) implements SuggestionEvent {
    }

    record Closed(UUID suggestionId, ReplyCategory category, Satisfaction satisfaction, boolean firstReplyOnTime,
                  int replies, Instant occurredAt) implements SuggestionEvent {
    }

    /** @param overdue REPLY or CO_UNIT_VIEW */
    record Escalated(UUID suggestionId, String overdue, String unit, LocalDate due, Instant occurredAt)
            implements SuggestionEvent {
    }

    record Reminded(UUID suggestionId, String what, LocalDate due, Instant occurredAt) implements SuggestionEvent {
    }

    /** 并案: {@code merged} now handled with this suggestion. */
    record Merged(UUID suggestionId, List<UUID> merged, List<Integer> numbers, Instant occurredAt)
            implements SuggestionEvent {
    }

    record SupervisionCompleted(UUID suggestionId, UUID taskId, Instant occurredAt) implements SuggestionEvent {
    }
}
