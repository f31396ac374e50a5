package org.zhenwu.contracts.document.v1;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * An emergency report was closed with its final report (终报): the final casualties and loss, and whether the upward
 * reports were late. Topic {@value DocumentTopics#EMERGENCY_EVENTS}, key reportId. Historical imports publish nothing.
 * Evolve additively only (new nullable fields); anything else is a new v2 type.
 *
 * @param phoneLate           the phone report was made after its deadline
 * @param phoneDelayMinutes   by how many minutes (0 when on time)
 * @param writtenLate         the written report was made after its deadline
 * @param writtenDelayMinutes by how many minutes (0 when on time)
 * @param followUps           how many 续报 were made
 * @param economicLossYuan    direct economic loss in yuan (元); null when not assessed
 * @param closedAt            the time of the final report
 */
public record EmergencyReportClosed(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction,
                                    UUID reportId, String category, boolean realEstateProject, String level,
                                    Instant happenedAt, Instant receivedAt, Instant phoneReportedAt,
                                    Instant writtenReportedAt, boolean phoneLate, long phoneDelayMinutes,
                                    boolean writtenLate, long writtenDelayMinutes, int followUps, int deaths,
                                    int injuries, int missing, BigDecimal economicLossYuan, Instant closedAt)
        implements IntegrationEvent {
    public static final String TYPE = "document.EmergencyReportClosed";

    public EmergencyReportClosed {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(category, "category");
    }

    /** The upward reports and how they went. */
    public record Reporting(Instant phoneReportedAt, Instant writtenReportedAt, boolean phoneLate,
                            long phoneDelayMinutes, boolean writtenLate, long writtenDelayMinutes, int followUps) {
    }

    public static EmergencyReportClosed of(String jurisdiction, UUID reportId, String category,
                                           boolean realEstateProject, String level, Instant happenedAt,
                                           Instant receivedAt, Reporting r, int deaths, int injuries, int missing,
                                           BigDecimal economicLossYuan, Instant closedAt, Instant at) {
        return new EmergencyReportClosed(UUID.randomUUID(), 1, at, jurisdiction, reportId, category, realEstateProject,
                level, happenedAt, receivedAt, r.phoneReportedAt(), r.writtenReportedAt(), r.phoneLate(),
                r.phoneDelayMinutes(), r.writtenLate(), r.writtenDelayMinutes(), r.followUps(), deaths, injuries,
                missing, economicLossYuan, closedAt);
    }
}
