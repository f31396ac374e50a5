package org.zhenwu.hotline.workorder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.zhenwu.platform.importing.ImportFile;
import org.zhenwu.platform.importing.RowReader;

import tools.jackson.databind.json.JsonMapper;

/**
 * A file of past work orders (JSON lines or CSV with a header row, UTF-8), read and checked row by row.
 * Columns/fields: sourceId, acceptedAt, type, channel, category, urgency, callerName, callerPhone,
 * callerConfidential, location, content, dueDate, status (ACCEPTED|DISPATCHED|SIGNED|REPLIED|CLOSED), department,
 * dispatchedAt, signedAt, repliedAt, reply, satisfaction, closedAt. Times are ISO instants
 * ({@code 2019-03-04T09:30:00Z}) or local Beijing times ({@code 2019-03-04T09:30:00}).
 */
final class WorkOrderImportFile {
    static final int MAX_ROWS = 50_000;
    private static final Set<WorkOrderStatus> FINAL_STATES = Set.of(WorkOrderStatus.ACCEPTED, WorkOrderStatus.DISPATCHED,
            WorkOrderStatus.SIGNED, WorkOrderStatus.REPLIED, WorkOrderStatus.CLOSED);

    private WorkOrderImportFile() {
    }

    /** A valid row: everything the loop needs to replay the order's history. */
    record Row(int line, String sourceId, Instant acceptedAt, Intake intake, LocalDate dueDate,
               WorkOrderStatus status, String department, Instant dispatchedAt, Instant signedAt, Instant repliedAt,
               String reply, Satisfaction satisfaction, Instant closedAt) {
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
        return new Parsed(file, file.rows(WorkOrderImportFile::row, Row::sourceId));
    }

    private static Row row(RowReader r) {
        String sourceId = r.text("sourceId", 100, true);
        Instant acceptedAt = r.time("acceptedAt", true);
        WorkOrderType type = r.enumValue("type", WorkOrderType.class, true);
        Channel channel = r.enumValue("channel", Channel.class, true);
        String category = r.text("category", 100, true);
        Urgency urgency = r.enumValue("urgency", Urgency.class, false);
        String callerName = r.text("callerName", 50, false);
        String callerPhone = r.text("callerPhone", 20, false);
        if (callerPhone != null && !callerPhone.matches("\\+?[0-9-]{5,20}")) {
            r.error("callerPhone", "must be a phone number");
        }
        boolean confidential = r.flag("callerConfidential");
        String location = r.text("location", 200, false);
        String content = r.text("content", 5000, true);
        LocalDate dueDate = r.date("dueDate", false);
        WorkOrderStatus status = r.enumValue("status", WorkOrderStatus.class, true);
        if (status != null && !FINAL_STATES.contains(status)) {
            r.error("status", "must be one of " + FINAL_STATES);
        }
        String department = r.text("department", 100, false);
        Instant dispatchedAt = r.time("dispatchedAt", false);
        Instant signedAt = r.time("signedAt", false);
        Instant repliedAt = r.time("repliedAt", false);
        String reply = r.text("reply", 5000, false);
        Satisfaction satisfaction = r.enumValue("satisfaction", Satisfaction.class, false);
        Instant closedAt = r.time("closedAt", false);
        if (status != null && status != WorkOrderStatus.ACCEPTED) {
            boolean answeredAtOnce = status == WorkOrderStatus.CLOSED && type == WorkOrderType.CONSULTATION && department == null;
            if (!answeredAtOnce && department == null) {
                r.error("department", "is required once an order was dispatched");
            }
            if (status.compareTo(WorkOrderStatus.REPLIED) >= 0 && status != WorkOrderStatus.RETURNED && reply == null) {
                r.error("reply", "is required for a replied or closed order");
            }
            if (status == WorkOrderStatus.CLOSED && !answeredAtOnce && (satisfaction == null || !satisfaction.closesTheOrder())) {
                r.error("satisfaction", "a closed order needs SATISFIED or BASICALLY_SATISFIED");
            }
        }
        r.notBefore("dispatchedAt", acceptedAt, dispatchedAt);
        r.notBefore("repliedAt", dispatchedAt != null ? dispatchedAt : acceptedAt, repliedAt);
        r.notBefore("closedAt", repliedAt != null ? repliedAt : acceptedAt, closedAt);
        if (!r.ok()) {
            return null;
        }
        return new Row(r.line(), sourceId, acceptedAt, new Intake(type, channel, category,
                urgency == null ? Urgency.NORMAL : urgency, callerName, callerPhone, confidential, location, content),
                dueDate, status, department, dispatchedAt, signedAt, repliedAt, reply, satisfaction, closedAt);
    }
}
