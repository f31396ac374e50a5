package org.zhenwu.contracts.servicehall.v1;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * An applicant rated an application (好差评, 一事一评; 国办发〔2019〕51号). A rating of 2 or 1 is a 差评 and opens a
 * rectification case in the hall. Topic {@value ServiceHallTopics#APPLICATION_EVENTS}, key applicationId.
 * Evolve additively only (new nullable fields); anything else is a new v2 type.
 *
 * @param level    VERY_SATISFIED, SATISFIED, BASICALLY_SATISFIED, DISSATISFIED or VERY_DISSATISFIED
 * @param score    5 (非常满意) … 1 (非常不满意)
 * @param negative a 差评 (score 2 or 1)
 * @param named    the applicant left a name or contact (实名), so a return visit is owed on a 差评
 */
public record ApplicationRated(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction,
                               UUID applicationId, String matterCode, String department, String level, int score,
                               boolean negative, boolean named) implements IntegrationEvent {
    public static final String TYPE = "service-hall.ApplicationRated";

    public ApplicationRated {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(applicationId, "applicationId");
    }

    public static ApplicationRated of(String jurisdiction, UUID applicationId, String matterCode, String department,
                                      String level, int score, boolean negative, boolean named, Instant at) {
        return new ApplicationRated(UUID.randomUUID(), 1, at, jurisdiction, applicationId, matterCode, department, level,
                score, negative, named);
    }
}
