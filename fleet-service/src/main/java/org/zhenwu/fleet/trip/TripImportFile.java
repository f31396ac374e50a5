package org.zhenwu.fleet.trip;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.zhenwu.platform.calendar.WorkingDayCalendar;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A file of past trips (JSON lines, or CSV with a header row; UTF-8), read and checked row by row.
 * Fields: sourceId, plate, driverLicence, requesterName, department, purpose, destination, passengerCount,
 * plannedStart, plannedEnd, status (COMPLETED|CANCELLED), departedAt, departureOdometerKm, returnedAt,
 * returnOdometerKm, route, fuelLitres, tollsYuan, parkingYuan, otherCostYuan, fuelPricePerLitre, cancelReason.
 * Times are ISO instants ({@code 2019-03-04T01:30:00Z}) or Beijing local times ({@code 2019-03-04T09:30:00}).
 * The planned window defaults to the departure and return times.
 */
final class TripImportFile {
    static final int MAX_ROWS = 50_000;

    private TripImportFile() {
    }

    /** A valid row: everything the trip's history needs to be replayed. */
    record Row(int line, String sourceId, String plate, String driverLicence, String requesterName, String department,
               String purpose, String destination, int passengerCount, Instant plannedStart, Instant plannedEnd,
               TripStatus status, Instant departedAt, Long departureOdometerKm, Instant returnedAt,
               Long returnOdometerKm, String route, BigDecimal fuelLitres, BigDecimal tollsYuan, BigDecimal parkingYuan,
               BigDecimal otherCostYuan, BigDecimal fuelPricePerLitre, String cancelReason) {
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
        List<List<String>> table = csv(body.startsWith("\uFEFF") ? body.substring(1) : body);
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
            if (records.get(i) == null) {
                continue;
            }
            Row row = new RowReader(firstLine + i, records.get(i), errors).row();
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
            String plate = text("plate", 16, true);
            String driverLicence = text("driverLicence", 30, false);
            String requesterName = text("requesterName", 100, false);
            String department = text("department", 100, false);
            String purpose = text("purpose", 500, true);
            String destination = text("destination", 200, true);
            Long passengers = number("passengerCount", 0, 60);
            TripStatus status = status();
            boolean completed = status == TripStatus.COMPLETED;
            Instant departedAt = time("departedAt", completed);
            Long departureKm = required(completed, "departureOdometerKm", number("departureOdometerKm", 0, 9_999_999));
            Instant returnedAt = time("returnedAt", completed);
            Long returnKm = required(completed, "returnOdometerKm", number("returnOdometerKm", 0, 9_999_999));
            Instant plannedStart = time("plannedStart", !completed);
            Instant plannedEnd = time("plannedEnd", !completed);
            if (completed && driverLicence == null) {
                error("driverLicence", "is required for a completed trip");
            }
            String route = text("route", 1000, false);
            BigDecimal fuel = decimal("fuelLitres", "9999");
            BigDecimal tolls = decimal("tollsYuan", "99999");
            BigDecimal parking = decimal("parkingYuan", "99999");
            BigDecimal other = decimal("otherCostYuan", "99999");
            BigDecimal price = decimal("fuelPricePerLitre", "100");
            String cancelReason = text("cancelReason", 500, status == TripStatus.CANCELLED);
            Instant start = plannedStart != null ? plannedStart : departedAt;
            Instant end = plannedEnd != null ? plannedEnd : returnedAt;
            if (departedAt != null && returnedAt != null && !returnedAt.isAfter(departedAt)) {
                error("returnedAt", "must be after departedAt");
            }
            if (start != null && end != null && !end.isAfter(start)) {
                error("plannedEnd", "must be after plannedStart");
            }
            if (departureKm != null && returnKm != null && returnKm < departureKm) {
                error("returnOdometerKm", "is below departureOdometerKm");
            }
            if (errors.size() > errorsBefore) {
                return null;
            }
            return new Row(line, sourceId, plate, driverLicence, requesterName, department, purpose, destination,
                    passengers == null ? 0 : passengers.intValue(), start, end, status, departedAt, departureKm,
                    returnedAt, returnKm, route != null ? route : destination, fuel, tolls, parking, other, price,
                    cancelReason);
        }

        private TripStatus status() {
            String v = text("status", 20, true);
            if (v == null) {
                return null;
            }
            String s = v.toUpperCase(Locale.ROOT);
            if (!s.equals("COMPLETED") && !s.equals("CANCELLED")) {
                error("status", "must be COMPLETED or CANCELLED");
                return null;
            }
            return TripStatus.valueOf(s);
        }

        private Long required(boolean required, String field, Long value) {
            if (required && value == null && errors.stream().skip(errorsBefore).noneMatch(e -> e.field().equals(field))) {
                error(field, "is required for a completed trip");
            }
            return value;
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

        private Long number(String field, long min, long max) {
            String v = text(field, 20, false);
            if (v == null) {
                return null;
            }
            try {
                long n = Long.parseLong(v);
                if (n < min || n > max) {
                    error(field, "must be between " + min + " and " + max);
                    return null;
                }
                return n;
            } catch (NumberFormatException e) {
                error(field, "must be a whole number");
                return null;
            }
        }

        private BigDecimal decimal(String field, String max) {
            String v = text(field, 20, false);
            if (v == null) {
                return null;
            }
            try {
                BigDecimal d = new BigDecimal(v);
                if (d.signum() < 0 || d.compareTo(new BigDecimal(max)) > 0) {
                    error(field, "must be between 0 and " + max);
                    return null;
                }
                return d;
            } catch (NumberFormatException e) {
                error(field, "must be a number");
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
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
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
        return rows;
    }
}
