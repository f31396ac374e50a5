package org.zhenwu.contracts.document.v1;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * An outgoing document (发文) or telegram (明传电报) was distributed (核发) under its number. Topic
 * {@value DocumentTopics#DOCUMENT_EVENTS}, key documentId. The title of a classified document is never on the wire
 * (null). Evolve additively only (new nullable fields); anything else is a new v2 type.
 *
 * @param kind           DOCUMENT or TELEGRAM
 * @param documentType   one of the 15 types, e.g. NOTICE (通知)
 * @param documentNumber the 发文字号 as printed, e.g. {@code 乐府发〔2019〕12号}
 * @param issuerCode     the 机关代字 of the number
 * @param secrecyLevel   NONE, SECRET, CONFIDENTIAL or TOP_SECRET
 * @param title          null when classified
 * @param urgency        NORMAL, URGENT, EXTRA_URGENT; telegrams ROUTINE, URGENT, EXTRA_URGENT, FLASH
 * @param copies         copies distributed
 */
public record DocumentIssued(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction, UUID documentId,
                             String kind, String documentType, String documentNumber, String issuerCode, int numberYear,
                             int numberSequence, String issuerName, String secrecyLevel, String title, String urgency,
                             int copies) implements IntegrationEvent {
    public static final String TYPE = "document.DocumentIssued";

    public DocumentIssued {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(documentNumber, "documentNumber");
    }

    public static DocumentIssued of(String jurisdiction, UUID documentId, String kind, String documentType,
                                    String documentNumber, String issuerCode, int numberYear, int numberSequence,
                                    String issuerName, String secrecyLevel, String title, String urgency, int copies,
                                    Instant at) {
        return new DocumentIssued(UUID.randomUUID(), 1, at, jurisdiction, documentId, kind, documentType, documentNumber,
                issuerCode, numberYear, numberSequence, issuerName, secrecyLevel, title, urgency, copies);
    }
}
