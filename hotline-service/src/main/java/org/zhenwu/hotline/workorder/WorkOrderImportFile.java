package org.zhenwu.hotline.workorder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.zhenwu.platform.calendar.WorkingDayCalendar;

import tools.jackson.databind.JsonNode;
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

    record RowError(int line, String field, String message) {
    }

    record Parsed(List<Row> rows, List<RowError> errors) {
    }

    static Parsed parseJsonLines(String body, JsonMapper json) {
        List<Map<String, String>> records = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        int line = 0;
        for (String text : body.split("\r?\n")) {
            line++;
            if (text.isBlank()) {
                records.add(null);
                continue;
            }
            try {
                JsonNode node = json.readTree(text);
                Map<String, String> fields = new LinkedHashMap<>();
                node.properties().forEach(e -> fields.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asString()));
                records.add(fields);
            } catch (RuntimeException e) {
                records.add(null);
                errors.add(new RowError(line, "line", "is not a JSON object"));
            }
        }
        return check(records, 1, errors);
    }

    static Parsed parseCsv(String body) {
        List<List<String>> table = csv(body);
        if (table.isEmpty()) {
            return new Parsed(List.of(), List.of(new RowError(1, "header", "the file is empty")));
        }
        List<String> header = table.get(0);
        List<Map<String, String>> records = new ArrayList<>();
        for (List<String> cells : table.subList(1, table.size())) {
            if (cells.size() == 1 && cells.get(0).isBlank()) {
                records.add(null);
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < header.size() && i < cells.size(); i++) {
                fields.put(header.get(i).strip(), cells.get(i).isEmpty() ? null : cells.get(i));
            }
            records.add(fields);
        }
        return check(records, 2, new ArrayList<>());
    }

    private static Parsed check(List<Map<String, String>> records, int firstLine, List<RowError> errors) {
        if (records.stream().filter(r -> r != null).count() > MAX_ROWS) {
            errors.add(new RowError(firstLine, "file", "at most " + MAX_ROWS + " rows per file"));
            return new Parsed(List.of(), errors);
        }
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            Map<String, String> r = records.get(i);
            if (r == null) {
                continue;
            }
            RowReader reader = new RowReader(firstLine + i, r, errors);
            Row row = reader.row();
            if (row != null && !seen.add(row.sourceId())) {
                errors.add(new RowError(row.line(), "sourceId", "appears twice in this file"));
            } else if (row != null) {
                rows.add(row);
            }
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new RowError(firstLine, "file", "has no rows"));
        }
        return new Parsed(rows, errors);
    }

    /** Reads one record's fields, noting every problem instead of stopping at the first. */
    private static final class RowReader {
        private final int line;
        private final Map<String, String> fields;
        private final List<RowError> errors;
        private final int errorsBefore;

        RowReader(int line, Map<String, String> fields, List<RowError> errors) {
            this.line = line;
            this.fields = fields;
            this.errors = errors;
            this.errorsBefore = errors.size();
        }

        Row row() {
            String sourceId = text("sourceId", 100, true);
            Instant acceptedAt = time("acceptedAt", true);
            WorkOrderType type = enumValue("type", WorkOrderType.class, true);
            Channel channel = enumValue("channel", Channel.class, true);
            String category = text("category", 100, true);
            Urgency urgency = enumValue("urgency", Urgency.class, false);
            String callerName = text("callerName", 50, false);
            String callerPhone = text("callerPhone", 20, false);
            if (callerPhone != null && !callerPhone.matches("\\+?[0-9-]{5,20}")) {
                error("callerPhone", "must be a phone number");
            }
            boolean confidential = "true".equalsIgnoreCase(fields.get("callerConfidential"));
            String location = text("location", 200, false);
            String content = text("content", 5000, true);
            LocalDate dueDate = date("dueDate");
            WorkOrderStatus status = enumValue("status", WorkOrderStatus.class, true);
            if (status != null && !FINAL_STATES.contains(status)) {
                error("status", "must be one of " + FINAL_STATES);
            }
            String department = text("department", 100, false);
            Instant dispatchedAt = time("dispatchedAt", false);
            Instant signedAt = time("signedAt", false);
            Instant repliedAt = time("repliedAt", false);
            String reply = text("reply", 5000, false);
            Satisfaction satisfaction = enumValue("satisfaction", Satisfaction.class, false);
            Instant closedAt = time("closedAt", false);
            if (status != null && status != WorkOrderStatus.ACCEPTED) {
                boolean answeredAtOnce = status == WorkOrderStatus.CLOSED && type == WorkOrderType.CONSULTATION && department == null;
                if (!answeredAtOnce && department == null) {
                    error("department", "is required once an order was dispatched");
                }
                if (status.compareTo(WorkOrderStatus.REPLIED) >= 0 && status != WorkOrderStatus.RETURNED && reply == null) {
                    error("reply", "is required for a replied or closed order");
                }
                if (status == WorkOrderStatus.CLOSED && !answeredAtOnce && (satisfaction == null || !satisfaction.closesTheOrder())) {
                    error("satisfaction", "a closed order needs SATISFIED or BASICALLY_SATISFIED");
                }
            }
            before("dispatchedAt", acceptedAt, dispatchedAt);
            before("repliedAt", dispatchedAt != null ? dispatchedAt : acceptedAt, repliedAt);
            before("closedAt", repliedAt != null ? repliedAt : acceptedAt, closedAt);
            if (errors.size() > errorsBefore) {
                return null;
            }
            return new Row(line, sourceId, acceptedAt, new Intake(type, channel, category,
                    urgency == null ? Urgency.NORMAL : urgency, callerName, callerPhone, confidential, location, content),
                    dueDate, status, department, dispatchedAt, signedAt, repliedAt, reply, satisfaction, closedAt);
        }

        private void before(String field, Instant earlier, Instant later) {
            if (earlier != null && later != null && later.isBefore(earlier)) {
                error(field, "is before the step it follows");
            }
        }

        private String text(String field, int max, boolean required) {
            String v = fields.get(field);
            if (v == null || v.isBlank()) {
                if (required) {
                    error(field, "is required");
                }
                return null;
            }
            if (v.length() > max) {
                error(field, "is longer than " + max + " characters");
                return null;
            }
            return v.strip();
        }

        private <E extends Enum<E>> E enumValue(String field, Class<E> type, boolean required) {
            String v = text(field, 40, required);
            if (v == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, v.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                error(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
                return null;
            }
        }

        private Instant time(String field, boolean required) {
            String v = text(field, 40, required);
            if (v == null) {
                return null;
            }
            try {
                return v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$") ? java.time.OffsetDateTime.parse(v).toInstant()
                        : LocalDateTime.parse(v).atZone(WorkingDayCalendar.ZONE).toInstant();
            } catch (DateTimeParseException e) {
                error(field, "must be an ISO date-time such as 2019-03-04T09:30:00");
                return null;
            }
        }

        private LocalDate date(String field) {
            String v = text(field, 20, false);
            if (v == null) {
                return null;
            }
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                error(field, "must be an ISO date such as 2019-03-21");
                return null;
            }
        }

        private void error(String field, String message) {
            errors.add(new RowError(line, field, message));
        }
    }

    /** RFC 4180: fields separated by commas, quoted with double quotes, quotes doubled inside. */
    static List<List<String>> csv(String body) {
        List<List<String>> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new StringReader(body.startsWith("\uFEFF") ? body.substring(1) : body))) {
            List<String> row = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            int c;
            while ((c = in.read()) != -1) {
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        in.mark(1);
                        int next = in.read();
                        if (next == '"') {
                            cell.append('"');
                        } else {
                            quoted = false;
                            if (next != -1) {
                                in.reset();
                            }
                        }
                    } else {
                        cell.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    row.add(cell.toString());
                    cell.setLength(0);
                } else if (ch == '\n') {
                    row.add(cell.toString());
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                } else if (ch != '\r') {
                    cell.append(ch);
                }
            }
            if (cell.length() > 0 || !row.isEmpty()) {
                row.add(cell.toString());
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
