package org.zhenwu.contracts.document.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * A research visit (调研) was written up in its report (调研报告), and the matters it found became supervision tasks
 * (督办). Topic {@value DocumentTopics#RESEARCH_EVENTS}, key visitId. Evolve additively only (new nullable fields);
 * anything else is a new v2 type.
 *
 * @param method    SYMPOSIUM (座谈会), INTERVIEW (个别访谈), ON_SITE (现场办公会), QUESTIONNAIRE (问卷) or OTHER
 * @param leaders   the leaders who led the visit (带队领导)
 * @param places    the places visited
 * @param taskIds   the supervision tasks opened from it (their SupervisionCompleted carries
 *                  {@link SupervisionCompleted#ORIGIN_RESEARCH_VISIT} and this visitId)
 */
public record ResearchVisitReported(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction,
                                    UUID visitId, String topic, String method, List<String> leaders,
                                    LocalDate startDate, LocalDate endDate, List<String> places, List<UUID> taskIds)
        implements IntegrationEvent {
    public static final String TYPE = "document.ResearchVisitReported";

    public ResearchVisitReported {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(visitId, "visitId");
        leaders = leaders == null ? List.of() : List.copyOf(leaders);
        places = places == null ? List.of() : List.copyOf(places);
        taskIds = taskIds == null ? List.of() : List.copyOf(taskIds);
    }

    public static ResearchVisitReported of(String jurisdiction, UUID visitId, String topic, String method,
                                           List<String> leaders, LocalDate startDate, LocalDate endDate,
                                           List<String> places, List<UUID> taskIds, Instant at) {
        return new ResearchVisitReported(UUID.randomUUID(), 1, at, jurisdiction, visitId, topic, method, leaders,
                startDate, endDate, places, taskIds);
    }
}
