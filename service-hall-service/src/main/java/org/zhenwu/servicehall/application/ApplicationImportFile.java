package org.zhenwu.servicehall.application;

import java.time.Instant;
import java.util.List;

import org.zhenwu.platform.importing.ImportFile;
import org.zhenwu.platform.importing.RowReader;
import org.zhenwu.servicehall.matter.MatterChannel;

import tools.jackson.databind.json.JsonMapper;

/**
 * A file of past applications (JSON lines, or CSV with a header row; UTF-8), read and checked row by row.
 * Fields: sourceId, matterCode, matterName, department, promisedLimitDays, legalLimitDays, channel, applicantName,
 * acceptedAt, status (ACCEPTED|APPROVED|REJECTED|COMPLETED|DELIVERED|WITHDRAWN), outcome (for COMPLETED/DELIVERED;
 * default APPROVED), legalBasis (rejections), decidedAt, completedAt, deliveredAt, deliveryMethod (PICKUP|MAIL),
 * trackingNumber. Times are ISO instants ({@code 2019-03-04T01:30:00Z}) or local Beijing times ({@code 2019-03-04T09:30:00}).
 */
final class ApplicationImportFile {
    static final int MAX_ROWS = 50_000;

    private ApplicationImportFile() {
    }

    /** A valid row: everything needed to replay the application's path. */
    record Row(int line, String sourceId, String matterCode, String matterName, String department, int promisedLimitDays,
               int legalLimitDays, MatterChannel channel, String applicantName, Instant acceptedAt,
               ApplicationStatus status, ApplicationOutcome outcome, String legalBasis, Instant decidedAt,
               Instant completedAt, Instant deliveredAt, DeliveryMethod deliveryMethod, String trackingNumber) {
    }

    /** The good rows; the file's problems are in {@code file.errors()}. */
    record Parsed(ImportFile file, List<Row> rows) {
    }

    static Parsed parseJsonLines(String body, JsonMapper json) {
        return read(ImportFile.jsonLines(body, json, MAX_ROWS));
    }

    static Parsed parseCsv(String body) {
        return read(ImportFile.csv(body, MAX_ROWS));
    }

    private static Parsed read(ImportFile file) {
        return new Parsed(file, file.rows(ApplicationImportFile::row, Row::sourceId));
    }

    private static Row row(RowReader r) {
        String sourceId = r.text("sourceId", 100, true);
        String matterCode = r.text("matterCode", 64, true);
        String matterName = r.text("matterName", 200, true);
        String department = r.text("department", 100, true);
        Integer promised = number(r, "promisedLimitDays", true);
        Integer legal = number(r, "legalLimitDays", false);
        if (promised != null && legal != null && promised > legal) {
            r.error("promisedLimitDays", "must not exceed legalLimitDays");
        }
        MatterChannel channel = r.enumValue("channel", MatterChannel.class, false);
        String applicantName = r.text("applicantName", 50, false);
        Instant acceptedAt = r.time("acceptedAt", true);
        ApplicationStatus status = r.enumValue("status", ApplicationStatus.class, true);
        if (status == ApplicationStatus.AWAITING_SUPPLEMENT) {
            r.error("status", "only accepted applications are imported");
        }
        ApplicationOutcome outcome = r.enumValue("outcome", ApplicationOutcome.class, false);
        if (status == ApplicationStatus.APPROVED || status == ApplicationStatus.REJECTED) {
            outcome = ApplicationOutcome.valueOf(status.name());
        }
        String legalBasis = r.text("legalBasis", 500, false);
        Instant decidedAt = r.time("decidedAt", false);
        Instant completedAt = r.time("completedAt", false);
        Instant deliveredAt = r.time("deliveredAt", false);
        DeliveryMethod method = r.enumValue("deliveryMethod", DeliveryMethod.class, false);
        String tracking = r.text("trackingNumber", 64, false);
        boolean completed = status == ApplicationStatus.COMPLETED || status == ApplicationStatus.DELIVERED;
        if (completed && completedAt == null) {
            r.error("completedAt", "is required for a completed application");
        }
        if (outcome == ApplicationOutcome.REJECTED && legalBasis == null) {
            r.error("legalBasis", "is required for a rejection");
        }
        if (method == DeliveryMethod.MAIL && tracking == null) {
            r.error("trackingNumber", "is required for delivery by mail");
        }
        r.notBefore("decidedAt", acceptedAt, decidedAt);
        r.notBefore("completedAt", decidedAt != null ? decidedAt : acceptedAt, completedAt);
        r.notBefore("deliveredAt", completedAt, deliveredAt);
        if (!r.ok()) {
            return null;
        }
        return new Row(r.line(), sourceId, matterCode, matterName, department, promised, legal == null ? promised : legal,
                channel == null ? MatterChannel.WINDOW : channel, applicantName == null ? "(历史数据)" : applicantName,
                acceptedAt, status, outcome == null ? ApplicationOutcome.APPROVED : outcome, legalBasis, decidedAt,
                completedAt, deliveredAt, method == null ? DeliveryMethod.PICKUP : method, tracking);
    }

    private static Integer number(RowReader r, String field, boolean required) {
        String v = r.text(field, 4, required);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 0 || n > 365) {
                r.error(field, "must be 0 to 365 working days");
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            r.error(field, "must be a whole number of working days");
            return null;
        }
    }
}
