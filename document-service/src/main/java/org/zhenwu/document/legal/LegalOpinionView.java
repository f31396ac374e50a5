package org.zhenwu.document.legal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A legal opinion as the feature hands it out; {@code number} is set when it is issued. */
public record LegalOpinionView(UUID id, String town, String number, SubjectArea subjectArea, String question,
                               String opinion, String counsel, OpinionStatus status, String draftedBy,
                               Instant createdAt, LocalDate issuedOn, String issuedBy, String sourceId,
                               List<TrailEntry> trail) {
    static LegalOpinionView of(LegalOpinion o, boolean withTrail) {
        return new LegalOpinionView(o.id(), o.townCode(), o.number(), o.subjectArea(), o.question(), o.opinion(),
                o.counsel(), o.status(), o.draftedBy(), o.createdAt(), o.issuedOn(), o.issuedBy(), o.sourceId(),
                withTrail ? o.trail() : null);
    }
}
