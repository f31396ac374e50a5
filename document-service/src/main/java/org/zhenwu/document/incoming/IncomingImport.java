package org.zhenwu.document.incoming;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.zhenwu.document.element.DocumentElements;
import org.zhenwu.document.element.DocumentKind;
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
 * Past incoming documents, telegrams and petition letters, one per row. Columns: sourceId, kind
 * (DOCUMENT|TELEGRAM|PETITION), channel, sender, originalNumber, documentType, title, secrecyLevel, secrecyYears,
 * copyNumber, urgency, receivedAt, copies, status (RECEIVED|REGISTERED|COMPLETED|ARCHIVED), leadDepartment (required
 * from COMPLETED on), leader, instruction, deadline (required for petitions), completedAt, result, resultReportedAt
 * (petitions), archivedAt. Register numbers are taken from this town's 收文 register in file order.
 */
final class IncomingImport {
    private static final Set<IncomingStatus> FINAL = Set.of(IncomingStatus.RECEIVED, IncomingStatus.REGISTERED,
            IncomingStatus.COMPLETED, IncomingStatus.ARCHIVED);

    private IncomingImport() {
    }

    record Row(int line, String sourceId, DocumentKind kind, IncomingChannel channel, String sender, String originalNumber,
               DocumentElements elements, Instant receivedAt, int copies, IncomingStatus status, String leadDepartment,
               String leader, String instruction, LocalDate deadline, Instant completedAt, String result,
               Instant resultReportedAt, Instant archivedAt) {
    }

    static List<Row> rows(ImportFile file, SecrecyRules secrecy) {
        return file.rows(f -> row(f, secrecy), Row::sourceId);
    }

    private static Row row(RowReader f, SecrecyRules secrecy) {
        String sourceId = f.text("sourceId", 100, true);
        DocumentKind kind = f.enumValue("kind", DocumentKind.class, false);
        IncomingChannel channel = f.enumValue("channel", IncomingChannel.class, true);
        String sender = f.text("sender", 200, true);
        String originalNumber = f.text("originalNumber", 100, false);
        DocumentType type = f.enumValue("documentType", DocumentType.class, true);
        String title = f.text("title", 300, true);
        SecrecyLevel level = f.enumValue("secrecyLevel", SecrecyLevel.class, false);
        Integer years = DocumentImports.integer(f, "secrecyYears", 1, 30);
        String copyNumber = f.text("copyNumber", 6, false);
        Urgency urgency = f.enumValue("urgency", Urgency.class, false);
        Instant receivedAt = f.time("receivedAt", true);
        Integer copies = DocumentImports.integer(f, "copies", 1, 1000);
        IncomingStatus status = f.enumValue("status", IncomingStatus.class, false);
        if (status != null && !FINAL.contains(status)) {
            f.error("status", "must be one of " + FINAL);
        }
        IncomingStatus s = status == null ? IncomingStatus.ARCHIVED : status;
        boolean handled = s == IncomingStatus.COMPLETED || s == IncomingStatus.ARCHIVED;
        String lead = f.text("leadDepartment", 100, handled);
        String leader = f.text("leader", 100, false);
        String instruction = f.text("instruction", 2000, false);
        LocalDate deadline = f.date("deadline", kind == DocumentKind.PETITION);
        Instant completedAt = f.time("completedAt", handled);
        String result = f.text("result", 5000, handled);
        Instant reportedAt = f.time("resultReportedAt", kind == DocumentKind.PETITION && s == IncomingStatus.ARCHIVED);
        Instant archivedAt = f.time("archivedAt", false);
        f.notBefore("completedAt", receivedAt, completedAt);
        f.notBefore("resultReportedAt", completedAt, reportedAt);
        f.notBefore("archivedAt", completedAt != null ? completedAt : receivedAt, archivedAt);
        DocumentKind k = kind == null ? DocumentKind.DOCUMENT : kind;
        DocumentElements elements = null;
        if (type != null && title != null) {
            try {
                elements = new ElementsRequest(type, copyNumber, level, years, urgency, null, null, null, title, null,
                        null, null, null, null, null, null, null, null, null, null).toElements(k, secrecy);
            } catch (InvalidFieldException e) {
                f.error(e.field(), e.getMessage());
            }
        }
        if (!f.ok()) {
            return null;
        }
        return new Row(f.line(), sourceId, k, channel, sender, originalNumber, elements, receivedAt,
                copies == null ? 1 : copies, s, lead, leader, instruction, deadline, completedAt, result, reportedAt,
                archivedAt);
    }
}
