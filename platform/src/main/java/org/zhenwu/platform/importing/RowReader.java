package org.zhenwu.platform.importing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.zhenwu.platform.calendar.WorkingDayCalendar;

/**
 * Reads one record's fields, noting every problem (with the record's line) instead of stopping at the first, so a
 * file's every problem is reported at once. Times are ISO instants ({@code 2019-03-04T09:30:00Z}, or with an offset)
 * or Beijing local times ({@code 2019-03-04T09:30:00}).
 */
public final class RowReader {
    private final ImportRecord record;
    private final List<RowError> errors;
    private final int errorsBefore;

    /** Problems go to {@code errors}, shared by the whole file. */
    public RowReader(ImportRecord record, List<RowError> errors) {
        this.record = record;
        this.errors = errors;
        this.errorsBefore = errors.size();
    }

    public int line() {
        return record.line();
    }

    /** The raw value, unchecked. */
    public String raw(String field) {
        return record.get(field);
    }

    /** Stripped text; {@code null} when blank (a problem if required) or longer than {@code max} (a problem). */
    public String text(String field, int max, boolean required) {
        String v = record.get(field);
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

    /** An enum constant by name, case-insensitive. */
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

    /** An ISO instant or offset date-time, or a Beijing local date-time. */
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

    /** An ISO date. */
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

    /** {@code true} only for "true" (any case); anything else, absent included, is {@code false}. */
    public boolean flag(String field) {
        return "true".equalsIgnoreCase(record.get(field));
    }

    /** A later step's time must not be before an earlier one's (either may be missing). */
    public void notBefore(String field, Instant earlier, Instant later) {
        if (earlier != null && later != null && later.isBefore(earlier)) {
            error(field, "is before the step it follows");
        }
    }

    public void error(String field, String message) {
        errors.add(new RowError(record.line(), field, message));
    }

    /** Whether this record has a problem noted on {@code field}. */
    public boolean hasError(String field) {
        return errors.stream().skip(errorsBefore).anyMatch(e -> e.field().equals(field));
    }

    /** No problem was noted while reading this record. */
    public boolean ok() {
        return errors.size() == errorsBefore;
    }
}
