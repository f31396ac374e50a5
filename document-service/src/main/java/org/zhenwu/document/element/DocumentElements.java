package org.zhenwu.document.element;

import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * The elements of a 公文 (《条例》 art. 9, GB/T 9704-2012) as data. Immutable: a revision replaces the whole value.
 * 发文字号 is not here: an outgoing document gets it at 登记, an incoming one keeps the sender's.
 *
 * @param copyNumber     份号, required for classified documents
 * @param secrecyYears   保密期限 in years; null for unclassified documents
 * @param issuerName     发文机关 (标志)
 * @param issuerCode     机关代字 used in the 发文字号, e.g. {@code 乐府发}
 * @param signerName     签发人 (shown on 上行文)
 * @param mainRecipients 主送机关
 * @param attachmentNote 附件说明
 * @param signature      署名 (发文机关署名)
 * @param dateWritten    成文日期
 * @param sealed         印章 affixed
 * @param remarks        附注
 * @param ccRecipients   抄送机关
 * @param printingOrgan  印发机关
 * @param printingDate   印发日期
 * @param pages          页数
 */
@Embeddable
public record DocumentElements(
        @Enumerated(EnumType.STRING) DocumentType documentType,
        String copyNumber,
        @Enumerated(EnumType.STRING) SecrecyLevel secrecyLevel,
        Integer secrecyYears,
        @Enumerated(EnumType.STRING) Urgency urgency,
        String issuerName,
        String issuerCode,
        String signerName,
        String title,
        String mainRecipients,
        @Column(columnDefinition = "MEDIUMTEXT") String body,
        String attachmentNote,
        String signature,
        LocalDate dateWritten,
        Boolean sealed,
        String remarks,
        String ccRecipients,
        String printingOrgan,
        LocalDate printingDate,
        Integer pages) {

    public DocumentElements {
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(title, "title");
        secrecyLevel = secrecyLevel == null ? SecrecyLevel.NONE : secrecyLevel;
        urgency = urgency == null ? Urgency.NORMAL : urgency;
    }

    /** 密级 and 保密期限 as printed: {@code 机密★1年}; empty for unclassified documents. */
    public String secrecyMarking() {
        if (!secrecyLevel.classified()) {
            return "";
        }
        return secrecyYears == null ? secrecyLevel.label() : secrecyLevel.label() + "★" + secrecyYears + "年";
    }

    public DocumentElements withSignerName(String name) {
        return new DocumentElements(documentType, copyNumber, secrecyLevel, secrecyYears, urgency, issuerName, issuerCode,
                name, title, mainRecipients, body, attachmentNote, signature, dateWritten, sealed, remarks, ccRecipients,
                printingOrgan, printingDate, pages);
    }

    /** What remains of a destroyed document: its register data, not its text. */
    public DocumentElements withoutBody() {
        return new DocumentElements(documentType, copyNumber, secrecyLevel, secrecyYears, urgency, issuerName, issuerCode,
                signerName, title, mainRecipients, null, attachmentNote, signature, dateWritten, sealed, remarks,
                ccRecipients, printingOrgan, printingDate, pages);
    }

    public DocumentElements withPrinting(String organ, LocalDate date) {
        return new DocumentElements(documentType, copyNumber, secrecyLevel, secrecyYears, urgency, issuerName, issuerCode,
                signerName, title, mainRecipients, body, attachmentNote, signature, dateWritten, sealed, remarks,
                ccRecipients, organ == null ? printingOrgan : organ, date == null ? printingDate : date, pages);
    }

    /**
     * Whether a revision changes what the signer approved: type, classification, urgency, issuer, title, recipients,
     * text, attachments, signature. 份号, 附注, 印发机关/日期, 页数, 成文日期 and the seal are layout, not substance.
     */
    public boolean differsInSubstanceFrom(DocumentElements other) {
        return documentType != other.documentType || secrecyLevel != other.secrecyLevel
                || !Objects.equals(secrecyYears, other.secrecyYears) || urgency != other.urgency
                || !Objects.equals(issuerName, other.issuerName) || !Objects.equals(issuerCode, other.issuerCode)
                || !Objects.equals(title, other.title) || !Objects.equals(mainRecipients, other.mainRecipients)
                || !Objects.equals(body, other.body) || !Objects.equals(attachmentNote, other.attachmentNote)
                || !Objects.equals(signature, other.signature) || !Objects.equals(ccRecipients, other.ccRecipients);
    }
}
