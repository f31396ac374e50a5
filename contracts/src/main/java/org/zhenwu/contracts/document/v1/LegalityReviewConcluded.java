package org.zhenwu.contracts.document.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * The legality review of a normative document (规范性文件法制审核) was concluded. Topic
 * {@value DocumentTopics#LEGAL_EVENTS}, key reviewId. When the draft is an outgoing document,
 * {@code outgoingDocumentId} lets its workflow know whether it may go on to 签发.
 * Evolve additively only (new nullable fields); anything else is a new v2 type.
 *
 * @param outgoingDocumentId the 发文 draft under review, null when not linked
 * @param outcome            {@link #LEGAL} 合法, {@link #LEGAL_WITH_CHANGES} 修改后合法 or {@link #ILLEGAL} 不合法
 * @param concludedOn        the day the review was concluded (Asia/Shanghai)
 */
public record LegalityReviewConcluded(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction,
                                      UUID reviewId, String documentTitle, String draftingUnit, UUID outgoingDocumentId,
                                      String reviewer, String outcome, LocalDate concludedOn)
        implements IntegrationEvent {
    public static final String TYPE = "document.LegalityReviewConcluded";
    public static final String LEGAL = "LEGAL";
    public static final String LEGAL_WITH_CHANGES = "LEGAL_WITH_CHANGES";
    public static final String ILLEGAL = "ILLEGAL";

    public LegalityReviewConcluded {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(reviewId, "reviewId");
        Objects.requireNonNull(outcome, "outcome");
    }

    public static LegalityReviewConcluded of(String jurisdiction, UUID reviewId, String documentTitle,
                                             String draftingUnit, UUID outgoingDocumentId, String reviewer,
                                             String outcome, LocalDate concludedOn, Instant at) {
        return new LegalityReviewConcluded(UUID.randomUUID(), 1, at, jurisdiction, reviewId, documentTitle,
                draftingUnit, outgoingDocumentId, reviewer, outcome, concludedOn);
    }
}
