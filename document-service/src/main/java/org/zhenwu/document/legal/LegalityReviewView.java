package org.zhenwu.document.legal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A legality review as the feature hands it out; the trail comes with a single review, not in lists. */
public record LegalityReviewView(UUID id, String town, String documentTitle, String draftingUnit,
                                 UUID outgoingDocumentId, LegalityStatus status, String submittedBy,
                                 Instant submittedAt, String reviewer, LegalityOutcome outcome, String opinion,
                                 LocalDate concludedOn, List<TrailEntry> trail) {
    static LegalityReviewView of(LegalityReview r, boolean withTrail) {
        return new LegalityReviewView(r.id(), r.townCode(), r.documentTitle(), r.draftingUnit(),
                r.outgoingDocumentId(), r.status(), r.submittedBy(), r.submittedAt(), r.reviewer(), r.outcome(),
                r.opinion(), r.concludedOn(), withTrail ? r.trail() : null);
    }
}
