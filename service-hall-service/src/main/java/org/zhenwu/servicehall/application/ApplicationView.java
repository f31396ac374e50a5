package org.zhenwu.servicehall.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.servicehall.matter.MatterChannel;

/**
 * An application as the feature hands it out (never the entity).
 *
 * @param missingMaterials     what the 一次性告知 notice still lists (empty once complete)
 * @param remainingWorkingDays working days left to the promised due date while the clock runs (negative: overdue)
 */
public record ApplicationView(UUID id, String town, String applicationNumber, UUID matterId, long matterVersion,
                              String matterCode, String matterName, String department, int legalLimitDays,
                              int promisedLimitDays, MatterChannel channel, UUID kioskId, UUID ticketId,
                              String applicantName, String applicantIdNumber, String applicantPhone,
                              ApplicationStatus status, List<Material> materials, List<String> missingMaterials,
                              Instant receivedAt, Instant noticeIssuedAt, Instant acceptedAt, LocalDate acceptedOn,
                              LocalDate dueDate, LocalDate legalDueDate, Integer remainingWorkingDays,
                              ClockWarning warning, ApplicationOutcome outcome, String opinion, String legalBasis,
                              Instant decidedAt, Instant completedAt, Integer workingDays, Boolean onTime,
                              DeliveryMethod deliveryMethod, String trackingNumber, Instant deliveredAt,
                              List<Transition> transitions) {

    public record Material(String name, boolean provided) {
    }

    public record Transition(ApplicationStatus from, ApplicationStatus to, String actor, String note, Instant at) {
    }

    static ApplicationView of(Application a, LocalDate today, WorkingDayCalendar calendar, boolean withTrail) {
        List<Transition> trail = withTrail ? a.transitions().stream()
                .map(t -> new Transition(t.fromStatus(), t.toStatus(), t.actor(), t.note(), t.at())).toList() : null;
        return new ApplicationView(a.id(), a.townCode(), a.applicationNumber(), a.matterId(), a.matterVersion(),
                a.matterCode(), a.matterName(), a.department(), a.legalLimitDays(), a.promisedLimitDays(), a.channel(),
                a.kioskId(), a.ticketId(), a.applicantName(), a.applicantIdNumber(), a.applicantPhone(), a.status(),
                a.materials().stream().map(m -> new Material(m.material(), m.provided())).toList(),
                a.missingMaterials(), a.receivedAt(), a.noticeIssuedAt(), a.acceptedAt(), a.acceptedOn(), a.dueDate(),
                a.legalDueDate(), a.remainingWorkingDays(today, calendar), a.warningLevel(), a.outcome(), a.opinion(),
                a.legalBasis(), a.decidedAt(), a.completedAt(), a.workingDays(), a.onTime(), a.deliveryMethod(),
                a.trackingNumber(), a.deliveredAt(), trail);
    }
}
