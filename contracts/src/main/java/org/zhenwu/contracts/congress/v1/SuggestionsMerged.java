package org.zhenwu.contracts.congress.v1;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * 并案: registered suggestions raising the same matter were put under the handling of one lead suggestion (主件). They
 * are assigned with it, to the same units, and the lead suggestion's 督办 task covers them; each keeps its deputies,
 * its number, its own reply and feedback, and counts on its own in the figures (no {@code SuggestionAssigned} is
 * published for a merged one). Topic {@value CongressTopics#SUGGESTION_EVENTS}, key suggestionId (the lead one).
 * Evolve additively only (new nullable fields); anything else is a new v2 type.
 *
 * @param kind                SUGGESTION, MOTION or PROPOSAL, the same for all
 * @param registrationNumber  the lead suggestion's number within its town and session
 * @param mergedSuggestionIds the suggestions merged by this action (earlier mergers are announced by earlier events)
 * @param mergedNumbers       their registration numbers, in the same order
 * @param leadUnit            the lead unit (主办) if the lead suggestion was already assigned, else null
 */
public record SuggestionsMerged(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction,
                                UUID suggestionId, String kind, String session, int registrationNumber,
                                List<UUID> mergedSuggestionIds, List<Integer> mergedNumbers, String leadUnit)
        implements IntegrationEvent {
    public static final String TYPE = "congress.SuggestionsMerged";

    public SuggestionsMerged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(suggestionId, "suggestionId");
        mergedSuggestionIds = mergedSuggestionIds == null ? List.of() : List.copyOf(mergedSuggestionIds);
        mergedNumbers = mergedNumbers == null ? List.of() : List.copyOf(mergedNumbers);
    }

    public static SuggestionsMerged of(String jurisdiction, UUID suggestionId, String kind, String session,
                                       int registrationNumber, List<UUID> mergedSuggestionIds,
                                       List<Integer> mergedNumbers, String leadUnit, Instant at) {
        return new SuggestionsMerged(UUID.randomUUID(), 1, at, jurisdiction, suggestionId, kind, session,
                registrationNumber, mergedSuggestionIds, mergedNumbers, leadUnit);
    }
}
