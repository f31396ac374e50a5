package org.zhenwu.document.classified;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.document.access.DocumentAccess;
import org.zhenwu.document.access.ReadAction;
import org.zhenwu.document.access.ReadContext;
import org.zhenwu.document.attachment.AttachmentService;
import org.zhenwu.document.attachment.AttachmentView;
import org.zhenwu.document.element.SecrecyLevel;
import org.zhenwu.document.incoming.IncomingDocumentService;
import org.zhenwu.document.incoming.IncomingView;
import org.zhenwu.document.outgoing.OutgoingDocumentService;
import org.zhenwu.document.outgoing.OutgoingView;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.ForbiddenException;
import org.zhenwu.platform.web.NotFoundException;

/**
 * What secrecy adds to documents of both directions: copies of 秘密/机密 documents only with a leader's approval and
 * never of 绝密 ones, destruction with approval and a register, and the read log for those responsible. Documents are
 * looked up through their own features, so a document the caller may not read does not exist here either.
 */
@Service
public class ClassifiedService {
    private static final String[] OFFICE = {Roles.OFFICE_CLERK, Roles.DISTRICT_ADMIN};
    private static final String[] APPROVERS = {Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN};
    private static final String[] OVERSEERS = {Roles.OFFICE_CLERK, Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN};

    private final IncomingDocumentService incoming;
    private final OutgoingDocumentService outgoing;
    private final AttachmentService attachments;
    private final DocumentAccess access;
    private final CopyRequestRepository copies;
    private final DestructionRequestRepository destructions;
    private final Jurisdictions jurisdictions;
    private final Clock clock;

    ClassifiedService(IncomingDocumentService incoming, OutgoingDocumentService outgoing, AttachmentService attachments,
                      DocumentAccess access, CopyRequestRepository copies, DestructionRequestRepository destructions,
                      Jurisdictions jurisdictions, Clock clock) {
        this.incoming = incoming;
        this.outgoing = outgoing;
        this.attachments = attachments;
        this.access = access;
        this.copies = copies;
        this.destructions = destructions;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    // ---- copies --------------------------------------------------------------------------------------------

    /** Asks to copy a 秘密/机密 document; refused outright for 绝密 ones. */
    @Transactional
    public CopyRequestView requestCopy(Caller caller, UUID documentId, int count, String reason) {
        DocumentRef document = resolve(caller, documentId);
        CopyRequest r = CopyRequest.open(UUID.randomUUID(), document, count, reason, caller.subject(), clock.instant());
        copies.save(r);
        return CopyRequestView.of(r, true);
    }

    /** A leader of the town whose clearance covers the level approves or refuses. */
    @Transactional
    public CopyRequestView decideCopy(Caller caller, UUID requestId, boolean approve, String note) {
        caller.requireAnyRole(APPROVERS);
        CopyRequest r = copies.findByIdAndTownCodeIn(requestId, jurisdictions.readScope(caller, null).codes())
                .filter(x -> caller.clearance().covers(x.secrecyLevel().requiredClearance()))
                .orElseThrow(() -> new NotFoundException("Copy request", requestId));
        r.decide(approve, note, caller.subject(), clock.instant());
        return CopyRequestView.of(r, true);
    }

    /** Requests waiting for a decision that the caller could decide. */
    @Transactional(readOnly = true)
    public List<CopyRequestView> pendingCopies(Caller caller, String town) {
        caller.requireAnyRole(APPROVERS);
        return copies.findByTownCodeInAndStatusOrderByRequestedAt(jurisdictions.readScope(caller, town).codes(),
                        CopyRequestStatus.PENDING).stream()
                .filter(r -> caller.clearance().covers(r.secrecyLevel().requiredClearance()))
                .map(r -> CopyRequestView.of(r, true)).toList();
    }

    /**
     * Takes a copy of an attachment out (导出). Unclassified: freely. 秘密/机密: one approved copy per call, by the
     * requester. 绝密: never. Logged as {@code EXPORT}.
     */
    @Transactional
    public Export export(Caller caller, UUID documentId, UUID attachmentId, UUID copyRequestId, ReadContext context) {
        DocumentRef document;
        try {
            document = resolve(caller, documentId);
        } catch (NotFoundException refused) {
            access.logRefused(caller, documentId, ReadAction.EXPORT, attachmentId.toString(), context);
            throw refused;
        }
        if (document.level() == SecrecyLevel.TOP_SECRET) {
            throw new ClassifiedRuleViolation("top-secret-no-copy", "绝密 documents are never copied or exported");
        }
        AttachmentView a = attachments.get(documentId, attachmentId);
        Integer copyNo = null;
        if (document.level().classified()) {
            if (copyRequestId == null) {
                throw new ForbiddenException("Copying a " + document.level().label() + " document needs an approved copy request");
            }
            CopyRequest r = copies.findById(copyRequestId).filter(x -> x.documentId().equals(documentId))
                    .orElseThrow(() -> new NotFoundException("Copy request", copyRequestId));
            copyNo = r.takeOne(caller.subject());
        }
        access.logRead(caller, documentId, document.level(), ReadAction.EXPORT,
                a.fileName() + (copyNo == null ? "" : " 复制件 " + copyNo), context);
        return new Export(a, document.level(), copyNo, attachments.open(a));
    }

    public record Export(AttachmentView attachment, SecrecyLevel level, Integer copyNo, InputStream content) {
    }

    // ---- destruction ---------------------------------------------------------------------------------------

    @Transactional
    public DestructionView requestDestruction(Caller caller, UUID documentId, String reason) {
        caller.requireAnyRole(OFFICE);
        DocumentRef document = resolve(caller, documentId);
        if (destructions.existsByDocumentIdAndStatusIn(documentId, Set.of(DestructionStatus.PENDING, DestructionStatus.APPROVED))) {
            throw new ClassifiedRuleViolation("destruction-pending", "A destruction request for this document is already open");
        }
        DestructionRequest r = DestructionRequest.open(UUID.randomUUID(), document, reason, caller.subject(), clock.instant());
        destructions.save(r);
        return DestructionView.of(r, true);
    }

    @Transactional
    public DestructionView decideDestruction(Caller caller, UUID requestId, boolean approve, String note) {
        caller.requireAnyRole(APPROVERS);
        DestructionRequest r = destructions.findByIdAndTownCodeIn(requestId, jurisdictions.readScope(caller, null).codes())
                .filter(x -> caller.clearance().covers(x.secrecyLevel().requiredClearance()))
                .orElseThrow(() -> new NotFoundException("Destruction request", requestId));
        r.decide(approve, note, caller.subject(), clock.instant());
        return DestructionView.of(r, true);
    }

    /** Carries out an approved destruction: the document's text and files are deleted, the register line is kept. */
    @Transactional
    public DestructionView carryOut(Caller caller, UUID requestId, String method, String witness) {
        caller.requireAnyRole(OFFICE);
        DestructionRequest r = destructions.findByIdAndTownCodeIn(requestId, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Destruction request", requestId));
        resolve(caller, r.documentId());
        r.carriedOut(method, witness, caller.subject(), clock.instant());
        String note = method + ", 监销人 " + witness;
        if (r.direction() == DocumentRef.Direction.INCOMING) {
            incoming.destroy(caller, r.documentId(), note);
        } else {
            outgoing.destroy(caller, r.documentId(), note);
        }
        return DestructionView.of(r, true);
    }

    /**
     * 销毁登记簿 of a year: every destroyed classified document. The title shows only to those whose clearance covers
     * its level.
     */
    @Transactional(readOnly = true)
    public List<DestructionView> register(Caller caller, String town, int year) {
        caller.requireAnyRole(OVERSEERS);
        ZonedDateTime from = LocalDate.of(year, 1, 1).atStartOfDay(WorkingDayCalendar.ZONE);
        return destructions.findByTownCodeInAndStatusAndDestroyedAtBetweenOrderByDestroyedAt(
                        jurisdictions.readScope(caller, town).codes(), DestructionStatus.DESTROYED,
                        from.toInstant(), from.plusYears(1).toInstant())
                .stream().map(r -> DestructionView.of(r, caller.clearance().covers(r.secrecyLevel().requiredClearance())))
                .toList();
    }

    // ---- read log ------------------------------------------------------------------------------------------

    /** Who read a classified document, when, from where: for the office and leaders who may read it themselves. */
    @Transactional(readOnly = true)
    public List<DocumentAccess.ReadLogEntry> readLog(Caller caller, UUID documentId) {
        caller.requireAnyRole(OVERSEERS);
        resolve(caller, documentId);
        return access.readLog(documentId);
    }

    /** The document in either direction, if the caller may read it. */
    private DocumentRef resolve(Caller caller, UUID id) {
        var in = incoming.findVisible(caller, id);
        if (in.isPresent()) {
            IncomingView d = in.get();
            return new DocumentRef(d.id(), DocumentRef.Direction.INCOMING, d.town(), d.elements().secrecyLevel(),
                    d.elements().title(), d.status().name(), d.originalNumber(), d.elements().copyNumber());
        }
        OutgoingView d = outgoing.findVisible(caller, id).orElseThrow(() -> new NotFoundException("Document", id));
        return new DocumentRef(d.id(), DocumentRef.Direction.OUTGOING, d.town(), d.elements().secrecyLevel(),
                d.elements().title(), d.status().name(), d.documentNumber(), d.elements().copyNumber());
    }
}
