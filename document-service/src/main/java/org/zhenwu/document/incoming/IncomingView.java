package org.zhenwu.document.incoming;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.zhenwu.document.attachment.AttachmentView;
import org.zhenwu.document.element.DocumentElements;
import org.zhenwu.document.element.DocumentKind;
import org.zhenwu.document.element.ElementsResponse;

/** An incoming document as the feature hands it out (never the entity). */
public record IncomingView(UUID id, String town, DocumentKind kind, IncomingStatus status, ElementsResponse elements,
                           IncomingChannel channel, String sender, String externalId, String originalNumber,
                           Instant receivedAt, String receivedBy, int receivedCopies, String registerNumber,
                           HandlingMode handlingMode, String returnReason, String proposal, String proposedBy,
                           String leader, String instruction, String instructedBy, Instant instructedAt,
                           String leadDepartment, List<CoDepartmentLine> coDepartments, LocalDate deadline,
                           String acceptedBy, int urgeCount, String result, Instant completedAt,
                           String resultReportedTo, Instant resultReportedAt, Instant archivedAt,
                           boolean circulationClosed, List<CopyLine> copies, List<ReaderLine> readers,
                           List<HandoverLine> circulation, List<Transition> transitions, List<AttachmentView> attachments) {

    public record CoDepartmentLine(String department, String view, String viewBy, Instant viewAt) {
    }

    /** Who holds each copy right now ({@code OFFICE} when it is back). */
    public record CopyLine(int copyNo, String holder, Instant since) {
    }

    public record ReaderLine(String reader, Instant addedAt, Instant readAt, String comment) {
    }

    public record HandoverLine(int copyNo, String from, String to, String by, Instant at) {
    }

    public record Transition(IncomingStatus from, IncomingStatus to, String action, String actor, String note, Instant at) {
    }

    static IncomingView of(IncomingDocument d) {
        return of(d, null, null);
    }

    static IncomingView withTrail(IncomingDocument d, List<AttachmentView> attachments) {
        return of(d, d.transitions().stream().map(t -> new Transition(t.fromStatus(), t.toStatus(), t.action(), t.actor(),
                t.note(), t.at())).toList(), attachments);
    }

    private static IncomingView of(IncomingDocument d, List<Transition> trail, List<AttachmentView> attachments) {
        return new IncomingView(d.id(), d.townCode(), d.kind(), d.status(), elements(d.elements(), trail != null), d.channel(),
                d.sender(), d.externalId(), d.originalNumber(), d.receivedAt(), d.receivedBy(), d.receivedCopies(),
                d.registerNumber(), d.handlingMode(), d.returnReason(), d.proposal(), d.proposedBy(), d.leader(),
                d.instruction(), d.instructedBy(), d.instructedAt(), d.leadDepartment(),
                d.coDepartments().stream().map(c -> new CoDepartmentLine(c.department(), c.view(), c.viewBy(), c.viewAt())).toList(),
                d.deadline(), d.acceptedBy(), d.urgeCount(), d.result(), d.completedAt(), d.resultReportedTo(),
                d.resultReportedAt(), d.archivedAt(), d.circulationClosed(),
                d.copies().stream().map(c -> new CopyLine(c.copyNo(), c.holder(), c.since())).toList(),
                d.readers().stream().map(r -> new ReaderLine(r.reader(), r.addedAt(), r.readAt(), r.comment())).toList(),
                d.handovers().stream().map(h -> new HandoverLine(h.copyNo(), h.fromHolder(), h.toHolder(), h.handedBy(), h.at())).toList(),
                trail, attachments);
    }

    /** One line of a list: what may be shown of a document the caller may read. */
    public record Summary(UUID id, String town, DocumentKind kind, IncomingStatus status, String documentType,
                          String title, String secrecyLevel, String urgency, String sender, String originalNumber,
                          String registerNumber, String leadDepartment, LocalDate deadline, Instant receivedAt) {
    }

    /** What the OA platform may learn about a document it pushed: whether it was taken in or returned, and why. */
    public record IntakeStatus(UUID id, IncomingStatus status, String registerNumber, String returnReason) {
    }

    /**
     * The text of a classified document is served only with the full view ({@code GET}), whose every read is logged;
     * the answers to actions and the lists leave it out.
     */
    private static ElementsResponse elements(DocumentElements e, boolean fullView) {
        return ElementsResponse.of(e.secrecyLevel().classified() && !fullView ? e.withoutBody() : e);
    }
}
