package org.zhenwu.document.research;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.zhenwu.document.attachment.AttachmentView;

/** A research visit as the feature hands it out; {@code reportFiles}: the report's attachments, if any. */
public record ResearchView(UUID id, String town, String topic, List<String> leaders, List<String> places,
                           ResearchMethod method, LocalDate startDate, LocalDate endDate, ResearchStatus status,
                           String findings, Instant conductedAt, String report, Instant reportedAt,
                           String cancelReason, List<TaskLine> tasks, String createdBy, Instant createdAt,
                           List<Transition> transitions, List<AttachmentView> reportFiles) {

    public record TaskLine(String title, String ownerDepartment, UUID supervisionTaskId) {
    }

    public record Transition(ResearchStatus from, ResearchStatus to, String action, String actor, String note,
                             Instant at) {
    }

    /** A line of a list. */
    public record Summary(UUID id, String town, String topic, ResearchMethod method, LocalDate startDate,
                          LocalDate endDate, ResearchStatus status) {
        static Summary of(ResearchVisit v) {
            return new Summary(v.id(), v.townCode(), v.topic(), v.method(), v.startDate(), v.endDate(), v.status());
        }
    }

    static ResearchView of(ResearchVisit v, List<AttachmentView> files) {
        return new ResearchView(v.id(), v.townCode(), v.topic(), v.leaders(), v.places(), v.method(), v.startDate(),
                v.endDate(), v.status(), v.findings(), v.conductedAt(), v.report(), v.reportedAt(), v.cancelReason(),
                v.tasks().stream().map(t -> new TaskLine(t.title(), t.ownerDepartment(), t.taskId())).toList(),
                v.createdBy(), v.createdAt(), v.transitions().stream().map(t -> new Transition(t.fromStatus(),
                        t.toStatus(), t.action(), t.actor(), t.note(), t.at())).toList(), files);
    }
}
