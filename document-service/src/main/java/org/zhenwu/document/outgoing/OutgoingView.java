package org.zhenwu.document.outgoing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.zhenwu.document.attachment.AttachmentView;
import org.zhenwu.document.element.DocumentElements;
import org.zhenwu.document.element.DocumentKind;
import org.zhenwu.document.element.DocumentNumber;
import org.zhenwu.document.element.ElementsResponse;

/**
 * An outgoing document as the feature hands it out (never the entity). {@code documentNumber} is the printed
 * 发文字号; its parts are {@code numberCode}/{@code numberYear}/{@code numberSequence}.
 */
public record OutgoingView(UUID id, String town, DocumentKind kind, OutgoingStatus status, ElementsResponse elements,
                           String documentNumber, String numberCode, Integer numberYear, Integer numberSequence,
                           String drafter, String drafterName, String drafterDepartment, String checker, String signer,
                           String signedBy, Instant signedAt, Instant registeredAt, Integer printedCopies,
                           Instant distributedAt, Instant archivedAt, Instant voidedAt, String voidReason,
                           Instant createdAt, String waitingFor, List<CountersignLine> countersigns,
                           List<DistributionLine> distribution, List<Transition> transitions,
                           List<AttachmentView> attachments) {

    public record CountersignLine(String department, Boolean agreed, String opinion, String decidedBy, Instant decidedAt) {
    }

    public record DistributionLine(String recipient, int copies, int firstCopyNumber, int lastCopyNumber) {
    }

    public record Transition(OutgoingStatus from, OutgoingStatus to, String action, String actor, String note, Instant at) {
    }

    static OutgoingView of(OutgoingDocument d) {
        return of(d, null, null);
    }

    static OutgoingView of(OutgoingDocument d, List<Transition> trail, List<AttachmentView> attachments) {
        DocumentNumber n = d.number();
        return new OutgoingView(d.id(), d.townCode(), d.kind(), d.status(), elements(d.elements(), trail != null),
                n == null ? null : n.toString(), n == null ? null : n.code(), n == null ? null : n.year(),
                n == null ? null : n.sequence(), d.drafter(), d.drafterName(), d.drafterDepartment(), d.checker(),
                d.signer(), d.signedBy(), d.signedAt(), d.registeredAt(), d.printedCopies(), d.distributedAt(),
                d.archivedAt(), d.voidedAt(), d.voidReason(), d.createdAt(), d.assignee(),
                d.countersigns().stream().map(c -> new CountersignLine(c.department(), c.agreed(), c.opinion(),
                        c.decidedBy(), c.decidedAt())).toList(),
                d.distribution().stream().map(x -> new DistributionLine(x.recipient(), x.copies(), x.firstCopyNumber(),
                        x.lastCopyNumber())).toList(),
                trail, attachments);
    }

    static OutgoingView withTrail(OutgoingDocument d, List<AttachmentView> attachments) {
        return of(d, d.transitions().stream().map(t -> new Transition(t.fromStatus(), t.toStatus(), t.action(), t.actor(),
                t.note(), t.at())).toList(), attachments);
    }

    /** One line of a list: what may be shown of a document the caller may read. */
    public record Summary(UUID id, String town, DocumentKind kind, OutgoingStatus status, String documentType,
                          String title, String secrecyLevel, String urgency, String documentNumber, String drafterName,
                          Instant createdAt) {
    }

    /** Numbered documents of one issuer and year, in number order. */
    public record RegisterLine(int sequence, String documentNumber, UUID id, String title, OutgoingStatus status,
                               String documentType, String secrecyLevel, Instant registeredAt) {
    }

    /**
     * The text of a classified document is served only with the full view ({@code GET}), whose every read is logged;
     * the answers to actions and the lists leave it out.
     */
    private static ElementsResponse elements(DocumentElements e, boolean fullView) {
        return ElementsResponse.of(e.secrecyLevel().classified() && !fullView ? e.withoutBody() : e);
    }
}
