package org.zhenwu.document.emergency;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An emergency report as the feature hands it out. {@code phoneLate}/{@code writtenLate}: made after the deadline, by
 * {@code …DelayMinutes}; {@code phoneOverdue}/{@code writtenOverdue}: the deadline passed while it was not made
 * (flagged by the job). {@code followUps} and {@code transitions} only on the single report.
 */
public record EmergencyView(UUID id, String town, String sourceId, EmergencyCategory category,
                            boolean realEstateProject, EmergencyLevel level, String title, String place,
                            String description, Instant occurredAt, Instant receivedAt, int deaths, int injuries,
                            int missing, BigDecimal economicLossYuan, EmergencyStatus status, Upward phone,
                            Upward written, boolean lateOrOverdue, int followUpCount, Instant closedAt,
                            String closingSummary, String createdBy, Instant createdAt, List<FollowUp> followUps,
                            List<Transition> transitions) {

    /** One upward report: due, made (to whom), late by how much, overdue. */
    public record Upward(Instant dueAt, Instant reportedAt, String reportedTo, boolean late, long delayMinutes,
                         boolean overdue) {
    }

    public record FollowUp(Instant reportedAt, String content, int deaths, int injuries, int missing,
                           String reportedBy) {
    }

    public record Transition(EmergencyStatus from, EmergencyStatus to, String action, String actor, String note,
                             Instant at) {
    }

    static EmergencyView of(EmergencyReport r) {
        return of(r, null, null);
    }

    static EmergencyView withTrail(EmergencyReport r) {
        return of(r, r.followUps().stream().map(f -> new FollowUp(f.reportedAt(), f.content(), f.casualties().deaths(),
                        f.casualties().injuries(), f.casualties().missing(), f.reportedBy())).toList(),
                r.transitions().stream().map(t -> new Transition(t.fromStatus(), t.toStatus(), t.action(), t.actor(),
                        t.note(), t.at())).toList());
    }

    private static EmergencyView of(EmergencyReport r, List<FollowUp> followUps, List<Transition> trail) {
        EmergencyReport.Casualties c = r.casualties();
        return new EmergencyView(r.id(), r.townCode(), r.sourceId(), r.category(), r.realEstateProject(), r.level(),
                r.title(), r.place(), r.description(), r.occurredAt(), r.receivedAt(), c.deaths(), c.injuries(),
                c.missing(), r.economicLossYuan(), r.status(),
                new Upward(r.phoneDueAt(), r.phoneReportedAt(), r.phoneReportedTo(), r.phoneLate(),
                        r.phoneDelayMinutes(), r.phoneOverdue()),
                new Upward(r.writtenDueAt(), r.writtenReportedAt(), r.writtenReportedTo(), r.writtenLate(),
                        r.writtenDelayMinutes(), r.writtenOverdue()),
                r.lateOrOverdue(), r.followUpCount(), r.closedAt(), r.closingSummary(), r.createdBy(), r.createdAt(),
                followUps, trail);
    }
}
