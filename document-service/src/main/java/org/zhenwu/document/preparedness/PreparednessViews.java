package org.zhenwu.document.preparedness;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the preparedness feature hands out. */
public final class PreparednessViews {
    private PreparednessViews() {
    }

    /** A plan; {@code reviewDue}: in force and its next review day has come. {@code history} on the single plan. */
    public record PlanView(UUID id, String town, String unit, PlanType type, String title, String planVersion,
                           LocalDate approvedOn, LocalDate nextReviewOn, boolean reviewDue, PlanStatus status,
                           String retiredReason, String createdBy, Instant createdAt, List<HistoryLine> history) {
        static PlanView of(EmergencyPlan p, LocalDate today, boolean withHistory) {
            return new PlanView(p.id(), p.townCode(), p.unit(), p.planType(), p.title(), p.planVersion(),
                    p.approvedOn(), p.nextReviewOn(), p.reviewDue(today), p.status(), p.retiredReason(),
                    p.createdBy(), p.createdAt(), withHistory ? p.history().stream().map(h -> new HistoryLine(h.kind(),
                    h.reviewedOn(), h.planVersion(), h.approvedOn(), h.nextReviewOn(), h.note(), h.actor(), h.at()))
                    .toList() : null);
        }
    }

    public record HistoryLine(ReviewKind kind, LocalDate reviewedOn, String planVersion, LocalDate approvedOn,
                              LocalDate nextReviewOn, String note, String actor, Instant at) {
    }

    public record DrillView(UUID id, String town, String sourceId, UUID planId, PlanType type, LocalDate heldOn,
                            String place, String scenario, int participants, String evaluation, String createdBy,
                            Instant createdAt) {
        static DrillView of(EmergencyDrill d) {
            return new DrillView(d.id(), d.townCode(), d.sourceId(), d.planId(), d.drillType(), d.heldOn(), d.place(),
                    d.scenario(), d.participants(), d.evaluation(), d.createdBy(), d.createdAt());
        }
    }

    public record MaterialView(UUID id, String town, String item, int quantity, String recipient,
                               LocalDate distributedOn, String note, String createdBy, Instant createdAt) {
        static MaterialView of(MaterialDistribution m) {
            return new MaterialView(m.id(), m.townCode(), m.item(), m.quantity(), m.recipient(), m.distributedOn(),
                    m.note(), m.createdBy(), m.createdAt());
        }
    }

    /** Quantities distributed in a period: per item, per recipient (village/unit), and per item and recipient. */
    public record MaterialTotals(LocalDate from, LocalDate to, long total, List<Total> byItem,
                                 List<Total> byRecipient, List<ItemAtRecipient> byItemAndRecipient) {
    }

    public record Total(String name, long quantity) {
    }

    public record ItemAtRecipient(String item, String recipient, long quantity) {
    }
}
