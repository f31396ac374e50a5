package org.zhenwu.document.outgoing;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.zhenwu.document.element.DocumentElements;
import org.zhenwu.document.element.DocumentKind;
import org.zhenwu.document.element.DocumentNumber;
import org.zhenwu.document.element.DocumentType;
import org.zhenwu.document.element.ElementsRequest;
import org.zhenwu.document.element.SecrecyLevel;
import org.zhenwu.document.element.SecrecyRules;
import org.zhenwu.document.element.Urgency;
import org.zhenwu.document.importing.DocumentImports;
import org.zhenwu.platform.importing.ImportFile;
import org.zhenwu.platform.importing.RowReader;
import org.zhenwu.platform.web.InvalidFieldException;

/**
 * Past outgoing documents (issued in an earlier system), one per row. Columns: sourceId, kind (DOCUMENT|TELEGRAM),
 * documentType, title, secrecyLevel, secrecyYears, urgency, issuerName, documentNumber (e.g. {@code 乐府发〔2019〕12号}),
 * mainRecipients, body, signer (签发人), signedAt, distributedAt, copies, status (DISTRIBUTED|ARCHIVED, default
 * ARCHIVED), archivedAt.
 */
final class OutgoingImport {
    static final String NO_TEXT = "（历史导入，正文见纸质档案）";
    private static final Set<OutgoingStatus> FINAL = Set.of(OutgoingStatus.DISTRIBUTED, OutgoingStatus.ARCHIVED);

    private OutgoingImport() {
    }

    record Row(int line, String sourceId, DocumentKind kind, DocumentElements elements, DocumentNumber number,
               String signer, Instant signedAt, Instant distributedAt, int copies, OutgoingStatus status, Instant archivedAt) {
    }

    static List<Row> rows(ImportFile file, SecrecyRules secrecy) {
        return file.rows(f -> row(f, secrecy), Row::sourceId);
    }

    private static Row row(RowReader f, SecrecyRules secrecy) {
        String sourceId = f.text("sourceId", 100, true);
        DocumentKind kind = f.enumValue("kind", DocumentKind.class, false);
        if (kind == DocumentKind.PETITION) {
            f.error("kind", "petition letters are received, not issued");
        }
        DocumentType type = f.enumValue("documentType", DocumentType.class, true);
        String title = f.text("title", 300, true);
        SecrecyLevel level = f.enumValue("secrecyLevel", SecrecyLevel.class, false);
        Integer years = DocumentImports.integer(f, "secrecyYears", 1, 30);
        Urgency urgency = f.enumValue("urgency", Urgency.class, false);
        String issuerName = f.text("issuerName", 200, false);
        String numberText = f.text("documentNumber", 100, true);
        DocumentNumber number = numberText == null ? null : DocumentNumber.parse(numberText).orElse(null);
        if (numberText != null && number == null) {
            f.error("documentNumber", "must read like 乐府发〔2019〕12号");
        }
        String mainRecipients = f.text("mainRecipients", 1000, false);
        String body = f.text("body", 1_000_000, false);
        String signer = f.text("signer", 100, true);
        Instant signedAt = f.time("signedAt", true);
        Instant distributedAt = f.time("distributedAt", true);
        Integer copies = DocumentImports.integer(f, "copies", 1, 100_000);
        OutgoingStatus status = f.enumValue("status", OutgoingStatus.class, false);
        if (status != null && !FINAL.contains(status)) {
            f.error("status", "must be one of " + FINAL);
        }
        Instant archivedAt = f.time("archivedAt", false);
        f.notBefore("distributedAt", signedAt, distributedAt);
        f.notBefore("archivedAt", distributedAt, archivedAt);
        DocumentKind k = kind == null ? DocumentKind.DOCUMENT : kind;
        DocumentElements elements = null;
        if (type != null && title != null && number != null) {
            try {
                elements = new ElementsRequest(type, null, level, years, urgency, issuerName, number.code(), null, title,
                        mainRecipients == null ? NO_TEXT : mainRecipients, body == null ? NO_TEXT : body, null,
                        issuerName, null, null, null, null, null, null, null).toElements(k, secrecy);
            } catch (InvalidFieldException e) {
                f.error(e.field(), e.getMessage());
            }
        }
        if (!f.ok()) {
            return null;
        }
        return new Row(f.line(), sourceId, k, elements, number, signer, signedAt, distributedAt,
                copies == null ? 1 : copies, status == null ? OutgoingStatus.ARCHIVED : status, archivedAt);
    }
}
