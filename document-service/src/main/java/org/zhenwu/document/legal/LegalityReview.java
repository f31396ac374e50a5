package org.zhenwu.document.legal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.zhenwu.platform.web.ForbiddenException;
import org.zhenwu.platform.web.IllegalTransitionException;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * A legality review of a normative document (规范性文件法制审核): the drafting unit submits the draft (possibly an
 * outgoing document in 发文), a legal reviewer other than the submitter takes it on and concludes it — 合法, 修改后合法
 * or 不合法 — with a written opinion.
 */
@Entity
@Table(name = "legality_review")
class LegalityReview extends LegalRecord {
    private String documentTitle;
    private String draftingUnit;
    private UUID outgoingDocumentId;
    @Enumerated(EnumType.STRING)
    private LegalityStatus status;
    private String submittedBy;
    private Instant submittedAt;
    private String reviewer;
    @Enumerated(EnumType.STRING)
    private LegalityOutcome outcome;
    private String opinion;
    private Instant concludedAt;
    private LocalDate concludedOn;

    protected LegalityReview() {
        // for JPA
    }

    private LegalityReview(UUID id, String town) {
        super(id, town);
    }

    static LegalityReview submit(UUID id, String town, String documentTitle, String draftingUnit,
                                 UUID outgoingDocumentId, String note, String by, Instant now) {
        LegalityReview r = new LegalityReview(id, town);
        r.documentTitle = documentTitle;
        r.draftingUnit = draftingUnit;
        r.outgoingDocumentId = outgoingDocumentId;
        r.status = LegalityStatus.SUBMITTED;
        r.submittedBy = by;
        r.submittedAt = now;
        r.trail(null, LegalityStatus.SUBMITTED, "提请审核", by, note, now);
        return r;
    }

    /** A legal reviewer takes it on; never the one who submitted it. */
    void take(String by, Instant now) {
        if (by.equals(submittedBy)) {
            throw new ForbiddenException("The submitter of a normative document does not review it");
        }
        moveTo(LegalityStatus.IN_REVIEW, "受理审核", by, null, now);
        reviewer = by;
    }

    /** The reviewer who took it on concludes it. */
    void conclude(LegalityOutcome result, String text, String by, LocalDate today, Instant now) {
        if (status == LegalityStatus.IN_REVIEW && !by.equals(reviewer)) {
            throw new ForbiddenException("Review " + id() + " is with " + reviewer);
        }
        moveTo(LegalityStatus.CONCLUDED, "审核结论: " + result, by, text, now);
        outcome = result;
        opinion = text;
        concludedAt = now;
        concludedOn = today;
        raise(new LegalEvent.ReviewConcluded(result, today, now));
    }

    private void moveTo(LegalityStatus next, String action, String actor, String note, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("Legality review", id(), status, next);
        }
        trail(status, next, action, actor, note, now);
        status = next;
    }

    String documentTitle() { return documentTitle; }
    String draftingUnit() { return draftingUnit; }
    UUID outgoingDocumentId() { return outgoingDocumentId; }
    LegalityStatus status() { return status; }
    String submittedBy() { return submittedBy; }
    Instant submittedAt() { return submittedAt; }
    String reviewer() { return reviewer; }
    LegalityOutcome outcome() { return outcome; }
    String opinion() { return opinion; }
    LocalDate concludedOn() { return concludedOn; }
}
