package org.zhenwu.document.supervision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.zhenwu.document.attachment.AttachmentView;

/** A supervision task as the feature hands it out; {@code overdue}: open and past its deadline today. */
public record SupervisionView(UUID id, String town, Origin origin, String originType, String originId, String title,
                              String requirement, String ownerDepartment, List<String> coDepartments, LocalDate deadline,
                              SupervisionStatus status, boolean overdue, boolean escalated, int reminderCount,
                              String createdBy, Instant createdAt, String acceptedBy, String evidence,
                              Instant submittedAt, String completedBy, LocalDate completedOn, Boolean onTime,
                              String cancelReason, List<Transition> transitions, List<AttachmentView> evidenceFiles) {

    public record Transition(SupervisionStatus from, SupervisionStatus to, String action, String actor, String note,
                             Instant at) {
    }

    static SupervisionView of(SupervisionTask t, LocalDate today) {
        return of(t, today, null, null);
    }

    static SupervisionView of(SupervisionTask t, LocalDate today, List<Transition> trail, List<AttachmentView> files) {
        return new SupervisionView(t.id(), t.townCode(), t.origin(), t.origin().wireName(), t.originId(), t.title(),
                t.requirement(), t.ownerDepartment(), t.coDepartmentList(), t.deadline(), t.status(),
                t.status().open() && today.isAfter(t.deadline()), t.escalated(), t.reminderCount(), t.createdBy(),
                t.createdAt(), t.acceptedBy(), t.evidence(), t.submittedAt(), t.completedBy(), t.completedOn(), t.onTime(),
                t.cancelReason(), trail, files);
    }

    static SupervisionView withTrail(SupervisionTask t, LocalDate today, List<AttachmentView> files) {
        return of(t, today, t.transitions().stream().map(x -> new Transition(x.fromStatus(), x.toStatus(), x.action(),
                x.actor(), x.note(), x.at())).toList(), files);
    }
}
