package org.zhenwu.contracts.document.v1;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * An emergency report's upward report (电话报告 or 书面报告) is still not made and its deadline has passed. Published
 * once per report and kind, by the deadline job. Topic {@value DocumentTopics#EMERGENCY_EVENTS}, key reportId.
 * Evolve additively only (new nullable fields); anything else is a new v2 type.
 *
 * @param report {@link #PHONE} or {@link #WRITTEN}
 * @param dueAt  the deadline that passed
 */
public record EmergencyReportOverdue(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction,
                                     UUID reportId, String category, boolean realEstateProject, String level,
                                     String title, String report, Instant receivedAt, Instant dueAt)
        implements IntegrationEvent {
    public static final String TYPE = "document.EmergencyReportOverdue";
    /** The phone (oral) report 口头/电话报告. */
    public static final String PHONE = "PHONE";
    /** The written report 书面报告. */
    public static final String WRITTEN = "WRITTEN";

    public EmergencyReportOverdue {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(report, "report");
    }

    public static EmergencyReportOverdue of(String jurisdiction, UUID reportId, String category,
                                            boolean realEstateProject, String level, String title, String report,
                                            Instant receivedAt, Instant dueAt, Instant at) {
        return new EmergencyReportOverdue(UUID.randomUUID(), 1, at, jurisdiction, reportId, category, realEstateProject,
                level, title, report, receivedAt, dueAt);
    }
}
