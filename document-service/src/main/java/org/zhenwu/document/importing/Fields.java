package org.zhenwu.document.importing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.zhenwu.platform.calendar.WorkingDayCalendar;

/**
 * One record of an import file. Each getter checks its column and notes a problem instead of throwing, so a file's
 * every problem is reported at once. Times are ISO instants ({@code 2019-03-04T09:30:00Z}) or Beijing local times
 * ({@code 2019-03-04T09:30:00}).
 */
public final class Fields {
    private final int line;
    private final Map<String, String> values;
    private final List<ImportFile.RowError> errors;

    Fields(int line, Map<String, String> values, List<ImportFile.RowError> errors) {
        this.line = line;
        this.values = values;
        this.errors = errors;
    }

    public int line() {
        return line;
    }

    String raw(String field) {
        return values.get(field);
    }

    public String text(String field, int max, boolean required) {
        String v = values.get(field);
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

    public <E extends Enum<E>> E enumValue(String field, Class<E> type, boolean required) {
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

    public Instant time(String field, boolean required) {
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

    public LocalDate date(String field, boolean required) {
        String v = text(field, 20, required);
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

    public Integer integer(String field, int min, int max) {
        String v = text(field, 10, false);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                error(field, "must be from " + min + " to " + max);
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            error(field, "must be a whole number");
            return null;
        }
    }

    /** An earlier step's time must not come after a later one's. */
    public void notBefore(String field, Instant earlier, Instant later) {
        if (earlier != null && later != null && later.isBefore(earlier)) {
            error(field, "is before the step it follows");
        }
    }

    public void error(String field, String message) {
        errors.add(new ImportFile.RowError(line, field, message));
    }

    /** How many problems the file has so far: a row is good when this did not grow while reading it. */
    public int errorCount() {
        return errors.size();
    }
}
