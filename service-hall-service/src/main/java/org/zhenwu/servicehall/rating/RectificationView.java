package org.zhenwu.servicehall.rating;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A rectification case as the feature hands it out. {@code returnVisitOwed}: named, and not visited yet. */
public record RectificationView(UUID id, String town, UUID ratingId, UUID applicationId, String applicationNumber,
                                String department, boolean named, RectificationStatus status, Instant openedAt,
                                LocalDate dueDate, boolean overdue, String measures, Instant rectifiedAt,
                                Boolean rectifiedOnTime, String appealReason, boolean returnVisitOwed,
                                Instant returnVisitAt, Boolean returnVisitSatisfied, String returnVisitNote,
                                Instant finishedAt, List<Transition> transitions) {

    public record Transition(RectificationStatus from, RectificationStatus to, String actor, String note, Instant at) {
    }

    static RectificationView of(Rectification r, LocalDate today, boolean withTrail) {
        List<Transition> trail = withTrail ? r.transitions().stream()
                .map(t -> new Transition(t.fromStatus(), t.toStatus(), t.actor(), t.note(), t.at())).toList() : null;
        return new RectificationView(r.id(), r.townCode(), r.ratingId(), r.applicationId(), r.applicationNumber(),
                r.department(), r.named(), r.status(), r.openedAt(), r.dueDate(), r.overdue(today), r.measures(),
                r.rectifiedAt(), r.rectifiedOnTime(), r.appealReason(), r.named() && r.returnVisitAt() == null,
                r.returnVisitAt(), r.returnVisitSatisfied(), r.returnVisitNote(), r.finishedAt(), trail);
    }
}
