package org.zhenwu.servicehall.application;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.servicehall.matter.MatterChannel;

import tools.jackson.databind.JsonNode;
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
            Row row = new RowReader(firstLine + i, r, errors).row();
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
            String matterCode = text("matterCode", 64, true);
            String matterName = text("matterName", 200, true);
            String department = text("department", 100, true);
            Integer promised = number("promisedLimitDays", true);
            Integer legal = number("legalLimitDays", false);
            if (promised != null && legal != null && promised > legal) {
                error("promisedLimitDays", "must not exceed legalLimitDays");
            }
            MatterChannel channel = enumValue("channel", MatterChannel.class, false);
            String applicantName = text("applicantName", 50, false);
            Instant acceptedAt = time("acceptedAt", true);
            ApplicationStatus status = enumValue("status", ApplicationStatus.class, true);
            if (status == ApplicationStatus.AWAITING_SUPPLEMENT) {
                error("status", "only accepted applications are imported");
            }
            ApplicationOutcome outcome = enumValue("outcome", ApplicationOutcome.class, false);
            if (status == ApplicationStatus.APPROVED || status == ApplicationStatus.REJECTED) {
                outcome = ApplicationOutcome.valueOf(status.name());
            }
            String legalBasis = text("legalBasis", 500, false);
            Instant decidedAt = time("decidedAt", false);
            Instant completedAt = time("completedAt", false);
            Instant deliveredAt = time("deliveredAt", false);
            DeliveryMethod method = enumValue("deliveryMethod", DeliveryMethod.class, false);
            String tracking = text("trackingNumber", 64, false);
            boolean completed = status == ApplicationStatus.COMPLETED || status == ApplicationStatus.DELIVERED;
            if (completed && completedAt == null) {
                error("completedAt", "is required for a completed application");
            }
            if (outcome == ApplicationOutcome.REJECTED && legalBasis == null) {
                error("legalBasis", "is required for a rejection");
            }
            if (method == DeliveryMethod.MAIL && tracking == null) {
                error("trackingNumber", "is required for delivery by mail");
            }
            before("decidedAt", acceptedAt, decidedAt);
            before("completedAt", decidedAt != null ? decidedAt : acceptedAt, completedAt);
            before("deliveredAt", completedAt, deliveredAt);
            if (errors.size() > errorsBefore) {
                return null;
            }
            return new Row(line, sourceId, matterCode, matterName, department, promised, legal == null ? promised : legal,
                    channel == null ? MatterChannel.WINDOW : channel, applicantName == null ? "(历史数据)" : applicantName,
                    acceptedAt, status, outcome == null ? ApplicationOutcome.APPROVED : outcome, legalBasis, decidedAt,
                    completedAt, deliveredAt, method == null ? DeliveryMethod.PICKUP : method, tracking);
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

        private Integer number(String field, boolean required) {
            String v = text(field, 4, required);
            if (v == null) {
                return null;
            }
            try {
                int n = Integer.parseInt(v);
                if (n < 0 || n > 365) {
                    error(field, "must be 0 to 365 working days");
                    return null;
                }
                return n;
            } catch (NumberFormatException e) {
                error(field, "must be a whole number of working days");
                return null;
            }
        }

        private <E extends Enum<E>> E enumValue(String field, Class<E> type, boolean required) {
            String v = text(field, 40, required);
            if (v == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                error(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
                return null;
            }
        }

        private Instant time(String field, boolean required) {
            String v = text(field, 40, required);
            if (v == null) {
                return null;
            }
            try {
                return v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$") ? OffsetDateTime.parse(v).toInstant()
                        : LocalDateTime.parse(v).atZone(WorkingDayCalendar.ZONE).toInstant();
            } catch (DateTimeParseException e) {
                error(field, "must be an ISO date-time such as 2019-03-04T09:30:00");
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
