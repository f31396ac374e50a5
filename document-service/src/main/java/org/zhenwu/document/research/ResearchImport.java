package org.zhenwu.document.research;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.zhenwu.document.importing.DocumentImports;
import org.zhenwu.platform.importing.ImportFile;
import org.zhenwu.platform.importing.RowReader;
import org.zhenwu.platform.web.InvalidFieldException;

/**
 * Past research visits from the office's registers, one per row. Columns: sourceId, topic, leaders and places (each
 * separated by {@code ;}), method (a {@link ResearchMethod} name), startDate, endDate (default: startDate), status
 * (CONDUCTED, REPORTED or CANCELLED; default REPORTED), findings, report, cancelReason (required for CANCELLED).
 */
final class ResearchImport {
    private static final Set<ResearchStatus> FINAL = Set.of(ResearchStatus.CONDUCTED, ResearchStatus.REPORTED,
            ResearchStatus.CANCELLED);

    private ResearchImport() {
    }

    record Row(int line, String sourceId, ResearchVisit.Plan plan, ResearchStatus status, String findings,
               String report, String cancelReason) {
    }

    static List<Row> rows(ImportFile file) {
        return file.rows(ResearchImport::row, Row::sourceId);
    }

    private static Row row(RowReader f) {
        String sourceId = f.text("sourceId", 100, true);
        String topic = f.text("topic", 300, true);
        List<String> leaders = DocumentImports.items(f, "leaders", 50);
        List<String> places = DocumentImports.items(f, "places", 100);
        ResearchMethod method = f.enumValue("method", ResearchMethod.class, true);
        LocalDate start = f.date("startDate", true);
        LocalDate end = f.date("endDate", false);
        ResearchStatus status = f.enumValue("status", ResearchStatus.class, false);
        if (status != null && !FINAL.contains(status)) {
            f.error("status", "must be one of " + FINAL);
        }
        ResearchStatus s = status == null ? ResearchStatus.REPORTED : status;
        String findings = f.text("findings", 20_000, false);
        String report = f.text("report", 100_000, false);
        String cancelReason = f.text("cancelReason", 2000, s == ResearchStatus.CANCELLED);
        ResearchVisit.Plan plan = null;
        if (f.ok()) {
            try {
                plan = new ResearchVisit.Plan(topic, leaders, places, method, start, end == null ? start : end);
            } catch (InvalidFieldException e) {
                f.error(e.field(), e.getMessage());
            }
        }
        if (!f.ok()) {
            return null;
        }
        return new Row(f.line(), sourceId, plan, s, findings, report, cancelReason);
    }
}
