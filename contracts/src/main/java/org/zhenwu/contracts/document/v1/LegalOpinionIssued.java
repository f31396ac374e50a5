package org.zhenwu.contracts.document.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * A legal opinion (法律意见书) was issued by the town's counsel, with the next number of the town's register for that
 * year. Topic {@value DocumentTopics#LEGAL_EVENTS}, key opinionId. The opinion's text stays in document-service.
 * Evolve additively only (new nullable fields); anything else is a new v2 type.
 *
 * @param number      e.g. {@code 法律意见书〔2019〕35号}
 * @param subjectArea LAND_ACQUISITION 征地拆迁, CONTRACT 合同, LABOUR 劳动, PETITION 信访,
 *                    ADMINISTRATIVE_ENFORCEMENT 行政执法, OTHER
 * @param counsel     the lawyer or legal adviser who gave it (法律顾问)
 */
public record LegalOpinionIssued(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction,
                                 UUID opinionId, String number, String subjectArea, String counsel, LocalDate issuedOn)
        implements IntegrationEvent {
    public static final String TYPE = "document.LegalOpinionIssued";

    public LegalOpinionIssued {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(opinionId, "opinionId");
        Objects.requireNonNull(issuedOn, "issuedOn");
    }

    public static LegalOpinionIssued of(String jurisdiction, UUID opinionId, String number, String subjectArea,
                                        String counsel, LocalDate issuedOn, Instant at) {
        return new LegalOpinionIssued(UUID.randomUUID(), 1, at, jurisdiction, opinionId, number, subjectArea, counsel,
                issuedOn);
    }
}
