package org.zhenwu.fleet.trip;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.zhenwu.platform.importing.ImportFile;
import org.zhenwu.platform.importing.RowReader;

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
        return new Parsed(file, file.rows(TripImportFile::row, Row::sourceId));
    }

    private static Row row(RowReader r) {
        String sourceId = r.text("sourceId", 100, true);
        String plate = r.text("plate", 16, true);
        String driverLicence = r.text("driverLicence", 30, false);
        String requesterName = r.text("requesterName", 100, false);
        String department = r.text("department", 100, false);
        String purpose = r.text("purpose", 500, true);
        String destination = r.text("destination", 200, true);
        Long passengers = number(r, "passengerCount", 0, 60);
        TripStatus status = status(r);
        boolean completed = status == TripStatus.COMPLETED;
        Instant departedAt = r.time("departedAt", completed);
        Long departureKm = required(r, completed, "departureOdometerKm", number(r, "departureOdometerKm", 0, 9_999_999));
        Instant returnedAt = r.time("returnedAt", completed);
        Long returnKm = required(r, completed, "returnOdometerKm", number(r, "returnOdometerKm", 0, 9_999_999));
        Instant plannedStart = r.time("plannedStart", !completed);
        Instant plannedEnd = r.time("plannedEnd", !completed);
        if (completed && driverLicence == null) {
            r.error("driverLicence", "is required for a completed trip");
        }
        String route = r.text("route", 1000, false);
        BigDecimal fuel = decimal(r, "fuelLitres", "9999");
        BigDecimal tolls = decimal(r, "tollsYuan", "99999");
        BigDecimal parking = decimal(r, "parkingYuan", "99999");
        BigDecimal other = decimal(r, "otherCostYuan", "99999");
        BigDecimal price = decimal(r, "fuelPricePerLitre", "100");
        String cancelReason = r.text("cancelReason", 500, status == TripStatus.CANCELLED);
        Instant start = plannedStart != null ? plannedStart : departedAt;
        Instant end = plannedEnd != null ? plannedEnd : returnedAt;
        if (departedAt != null && returnedAt != null && !returnedAt.isAfter(departedAt)) {
            r.error("returnedAt", "must be after departedAt");
        }
        if (start != null && end != null && !end.isAfter(start)) {
            r.error("plannedEnd", "must be after plannedStart");
        }
        if (departureKm != null && returnKm != null && returnKm < departureKm) {
            r.error("returnOdometerKm", "is below departureOdometerKm");
        }
        if (!r.ok()) {
            return null;
        }
        return new Row(r.line(), sourceId, plate, driverLicence, requesterName, department, purpose, destination,
                passengers == null ? 0 : passengers.intValue(), start, end, status, departedAt, departureKm,
                returnedAt, returnKm, route != null ? route : destination, fuel, tolls, parking, other, price,
                cancelReason);
    }

    private static TripStatus status(RowReader r) {
        String v = r.text("status", 20, true);
        if (v == null) {
            return null;
        }
        String s = v.toUpperCase(Locale.ROOT);
        if (!s.equals("COMPLETED") && !s.equals("CANCELLED")) {
            r.error("status", "must be COMPLETED or CANCELLED");
            return null;
        }
        return TripStatus.valueOf(s);
    }

    private static Long required(RowReader r, boolean required, String field, Long value) {
        if (required && value == null && !r.hasError(field)) {
            r.error(field, "is required for a completed trip");
        }
        return value;
    }

    private static Long number(RowReader r, String field, long min, long max) {
        String v = r.text(field, 20, false);
        if (v == null) {
            return null;
        }
        try {
            long n = Long.parseLong(v);
            if (n < min || n > max) {
                r.error(field, "must be between " + min + " and " + max);
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            r.error(field, "must be a whole number");
            return null;
        }
    }

    private static BigDecimal decimal(RowReader r, String field, String max) {
        String v = r.text(field, 20, false);
        if (v == null) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(v);
            if (d.signum() < 0 || d.compareTo(new BigDecimal(max)) > 0) {
                r.error(field, "must be between 0 and " + max);
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            r.error(field, "must be a number");
            return null;
        }
    }
}
