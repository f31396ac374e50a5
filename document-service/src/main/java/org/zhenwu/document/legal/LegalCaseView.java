package org.zhenwu.document.legal;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A case as the feature hands it out; hearings and the trail come with a single case, not in lists. */
public record LegalCaseView(UUID id, String town, String caseNumber, String court, CaseKind kind, PartyRole ourRole,
                            String counterparty, String counsel, String cause, CaseStatus status,
                            LocalDate registeredOn, String registeredBy, LocalDate judgedOn, String judgment,
                            int appeals, CaseOutcome outcome, LocalDate closedOn, String closingNote, String sourceId,
                            List<CaseHearing.View> hearings, List<TrailEntry> trail) {
    static LegalCaseView of(LegalCase c, boolean full) {
        return new LegalCaseView(c.id(), c.townCode(), c.caseNumber(), c.court(), c.kind(), c.ourRole(),
                c.counterparty(), c.counsel(), c.cause(), c.status(), c.registeredOn(), c.registeredBy(), c.judgedOn(),
                c.judgment(), c.appeals(), c.outcome(), c.closedOn(), c.closingNote(), c.sourceId(),
                full ? c.hearings().stream().map(CaseHearing::view).toList() : null, full ? c.trail() : null);
    }
}
