package org.zhenwu.document.emergency;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.zhenwu.document.importing.DocumentImports;
import org.zhenwu.platform.importing.ImportFile;
import org.zhenwu.platform.importing.RowReader;

/**
 * Past emergency reports (the office's 应急信息报送登记簿), one per row. Columns: sourceId, category, realEstateProject
 * (true for a wage dispute on a real-estate project), level (default GENERAL), title, place, occurredAt, receivedAt,
 * deaths, injuries, missing, description, economicLossYuan, phoneReportedAt, writtenReportedAt (needs the phone
 * report), closedAt (终报; needs the written report), closingSummary. Times as ISO instants or Beijing local times.
 */
final class EmergencyImport {
    private EmergencyImport() {
    }

    record Row(int line, String sourceId, EmergencyReport.Incident incident, EmergencyReport.Casualties casualties,
               BigDecimal economicLossYuan, Instant receivedAt, Instant phoneReportedAt, Instant writtenReportedAt,
               Instant closedAt, String closingSummary) {
    }

    static List<Row> rows(ImportFile file) {
        return file.rows(EmergencyImport::row, Row::sourceId);
    }

    private static Row row(RowReader f) {
        String sourceId = f.text("sourceId", 100, true);
        EmergencyCategory category = f.enumValue("category", EmergencyCategory.class, true);
        boolean realEstate = f.flag("realEstateProject");
        if (realEstate && category != null && category != EmergencyCategory.WAGE_DISPUTE) {
            f.error("realEstateProject", "only a wage dispute (WAGE_DISPUTE) is marked as on a real-estate project");
        }
        EmergencyLevel level = f.enumValue("level", EmergencyLevel.class, false);
        String title = f.text("title", 300, true);
        String place = f.text("place", 200, true);
        Instant occurredAt = f.time("occurredAt", true);
        Instant receivedAt = f.time("receivedAt", true);
        Integer deaths = DocumentImports.integer(f, "deaths", 0, 100_000);
        Integer injuries = DocumentImports.integer(f, "injuries", 0, 100_000);
        Integer missing = DocumentImports.integer(f, "missing", 0, 100_000);
        String description = f.text("description", 5000, false);
        BigDecimal loss = amount(f, "economicLossYuan");
        Instant phone = f.time("phoneReportedAt", false);
        Instant written = f.time("writtenReportedAt", false);
        Instant closed = f.time("closedAt", false);
        String summary = f.text("closingSummary", 5000, false);
        f.notBefore("receivedAt", occurredAt, receivedAt);
        f.notBefore("phoneReportedAt", receivedAt, phone);
        f.notBefore("writtenReportedAt", phone, written);
        f.notBefore("closedAt", written, closed);
        if (written != null && phone == null && !f.hasError("phoneReportedAt")) {
            f.error("phoneReportedAt", "is required when the written report was made");
        }
        if (closed != null && written == null && !f.hasError("writtenReportedAt")) {
            f.error("writtenReportedAt", "is required when the report was closed");
        }
        if (!f.ok()) {
            return null;
        }
        return new Row(f.line(), sourceId, new EmergencyReport.Incident(category, realEstate,
                level == null ? EmergencyLevel.GENERAL : level, title, place, description, occurredAt),
                new EmergencyReport.Casualties(orZero(deaths), orZero(injuries), orZero(missing)), loss, receivedAt,
                phone, written, closed, summary);
    }

    private static BigDecimal amount(RowReader f, String field) {
        String v = f.text(field, 20, false);
        if (v == null) {
            return null;
        }
        try {
            BigDecimal n = new BigDecimal(v);
            if (n.signum() < 0 || n.scale() > 2 || n.precision() - n.scale() > 14) {
                f.error(field, "must be an amount in yuan from 0, with at most 2 decimals");
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            f.error(field, "must be an amount in yuan such as 12000.50");
            return null;
        }
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }
}
