package org.zhenwu.contracts.congress.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * A registered deputies' suggestion was assigned (交办) to a lead unit (主办) and any co-units (协办), and the
 * reply clock started. Topic {@value CongressTopics#SUGGESTION_EVENTS}, key suggestionId. Enough for a
 * supervision task (督办) to be opened without calling back.
 * Evolve additively only (new nullable fields); anything else is a new v2 type.
 *
 * @param session            e.g. 第十七届人大第七次会议
 * @param registrationNumber the suggestion's number within its town and session, from 1
 * @param deputies           the deputies who submitted it, the leading deputy (领衔代表) first
 * @param replyDue           the last day for the lead unit's reply: the assignment date plus the configured
 *                           calendar months (3 by default)
 */
public record SuggestionAssigned(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction,
                                 UUID suggestionId, String session, int registrationNumber, String title,
                                 List<String> deputies, String leadUnit, List<String> coUnits, LocalDate replyDue)
        implements IntegrationEvent {
    public static final String TYPE = "congress.SuggestionAssigned";

    public SuggestionAssigned {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(suggestionId, "suggestionId");
        Objects.requireNonNull(replyDue, "replyDue");
        deputies = deputies == null ? List.of() : List.copyOf(deputies);
        coUnits = coUnits == null ? List.of() : List.copyOf(coUnits);
    }

    public static SuggestionAssigned of(String jurisdiction, UUID suggestionId, String session, int registrationNumber,
                                        String title, List<String> deputies, String leadUnit, List<String> coUnits,
                                        LocalDate replyDue, Instant at) {
        return new SuggestionAssigned(UUID.randomUUID(), 1, at, jurisdiction, suggestionId, session, registrationNumber,
                title, deputies, leadUnit, coUnits, replyDue);
    }
}
