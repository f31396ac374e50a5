package org.zhenwu.document.element;

import java.time.LocalDate;

/** The elements as clients read them, with the labels printed on paper. */
public record ElementsResponse(DocumentType documentType, String documentTypeLabel, String copyNumber,
                               SecrecyLevel secrecyLevel, Integer secrecyYears, String secrecyMarking, Urgency urgency,
                               String urgencyLabel, String issuerName, String issuerCode, String signerName, String title,
                               String mainRecipients, String body, String attachmentNote, String signature,
                               LocalDate dateWritten, Boolean sealed, String remarks, String ccRecipients,
                               String printingOrgan, LocalDate printingDate, Integer pages) {
    public static ElementsResponse of(DocumentElements e) {
        return new ElementsResponse(e.documentType(), e.documentType().label(), e.copyNumber(), e.secrecyLevel(),
                e.secrecyYears(), e.secrecyMarking(), e.urgency(), e.urgency().label(), e.issuerName(), e.issuerCode(),
                e.signerName(), e.title(), e.mainRecipients(), e.body(), e.attachmentNote(), e.signature(),
                e.dateWritten(), e.sealed(), e.remarks(), e.ccRecipients(), e.printingOrgan(), e.printingDate(), e.pages());
    }
}
