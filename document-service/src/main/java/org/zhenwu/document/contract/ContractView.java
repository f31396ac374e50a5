package org.zhenwu.document.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.zhenwu.document.attachment.AttachmentView;

/**
 * A contract as the feature hands it out. {@code risks} are computed when read ({@link ContractRisk}); reviews,
 * milestones, the trail and the files come with a single contract, not in lists.
 */
public record ContractView(UUID id, String town, String registerNumber, String title, ContractType type,
                           String counterpartyName, String counterpartyCreditCode, BigDecimal amount,
                           LocalDate termStart, LocalDate termEnd, String signingUnit, ContractStatus status,
                           List<ContractRisk> risks, String draftedBy, Instant createdAt, ReviewOutcome reviewOutcome,
                           String reviewedBy, LocalDate reviewedOn, LocalDate signedOn, LocalDate closedOn,
                           String terminationReason, boolean imported, String sourceId, List<Review> reviews,
                           List<Milestone> milestones, List<Transition> transitions, List<AttachmentView> files) {

    /** One round of 法制审核; {@code outcome} null while it is open. */
    public record Review(int round, String requestedBy, Instant requestedAt, String requestNote, String reviewer,
                         ReviewOutcome outcome, String opinion, LocalDate concludedOn) {
    }

    /** A 履约节点; {@code overdue}: not done and past its due date today. */
    public record Milestone(UUID id, LocalDate dueDate, String description, BigDecimal amount, LocalDate doneOn,
                            String doneBy, String doneNote, boolean overdue) {
    }

    public record Transition(ContractStatus from, ContractStatus to, String action, String actor, String note,
                             Instant at) {
    }

    static ContractView of(Contract c, List<ContractRisk> risks) {
        return of(c, risks, null, null, null, null);
    }

    static ContractView full(Contract c, List<ContractRisk> risks, LocalDate today, List<AttachmentView> files) {
        return of(c, risks,
                c.reviews().stream().map(r -> new Review(r.round(), r.requestedBy(), r.requestedAt(), r.requestNote(),
                        r.reviewer(), r.outcome(), r.opinion(), r.concludedOn())).toList(),
                c.milestones().stream().map(m -> new Milestone(m.id(), m.dueDate(), m.description(), m.amount(),
                        m.doneOn(), m.doneBy(), m.doneNote(), !m.isDone() && m.dueDate().isBefore(today))).toList(),
                c.transitions().stream().map(t -> new Transition(t.fromStatus(), t.toStatus(), t.action(), t.actor(),
                        t.note(), t.at())).toList(),
                files);
    }

    private static ContractView of(Contract c, List<ContractRisk> risks, List<Review> reviews,
                                   List<Milestone> milestones, List<Transition> trail, List<AttachmentView> files) {
        return new ContractView(c.id(), c.townCode(), c.registerNumber(), c.title(), c.contractType(),
                c.counterpartyName(), c.counterpartyCreditCode(), c.amount(), c.termStart(), c.termEnd(),
                c.signingUnit(), c.status(), risks, c.draftedBy(), c.createdAt(), c.reviewOutcome(), c.reviewedBy(),
                c.reviewedOn(), c.signedOn(), c.closedOn(), c.terminationReason(), c.imported(), c.sourceId(), reviews,
                milestones, trail, files);
    }
}
