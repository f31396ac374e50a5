package org.zhenwu.contracts.servicehall.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * An application (办件) was accepted (受理) with all its materials, at once or after 补正, and its working-day clock
 * started. Counts towards a town's 受理量. Topic {@value ServiceHallTopics#APPLICATION_EVENTS}, key applicationId.
 * Evolve additively only (new nullable fields); anything else is a new v2 type.
 *
 * @param matterCode        the matter's code in the town's catalogue, as accepted (the version it was accepted under)
 * @param department        the department that decides it (审批部门)
 * @param channel           WINDOW, ONLINE, MOBILE, KIOSK or MAIL
 * @param acceptedOn        the local (Beijing) date the clock started
 * @param dueDate           the promised limit (承诺时限) counted in working days from {@code acceptedOn}
 * @param promisedLimitDays the promised limit in working days (0 = 即办件)
 */
public record ApplicationAccepted(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction,
                                  UUID applicationId, String applicationNumber, UUID matterId, String matterCode,
                                  String matterName, String department, String channel, LocalDate acceptedOn,
                                  LocalDate dueDate, int promisedLimitDays) implements IntegrationEvent {
    public static final String TYPE = "service-hall.ApplicationAccepted";

    public ApplicationAccepted {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(applicationId, "applicationId");
    }

    public static ApplicationAccepted of(String jurisdiction, UUID applicationId, String applicationNumber, UUID matterId,
                                         String matterCode, String matterName, String department, String channel,
                                         LocalDate acceptedOn, LocalDate dueDate, int promisedLimitDays, Instant at) {
        return new ApplicationAccepted(UUID.randomUUID(), 1, at, jurisdiction, applicationId, applicationNumber, matterId,
                matterCode, matterName, department, channel, acceptedOn, dueDate, promisedLimitDays);
    }
}
