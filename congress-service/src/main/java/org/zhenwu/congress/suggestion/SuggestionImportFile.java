package org.zhenwu.congress.suggestion;

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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A file of past suggestions, motions and proposals (JSON lines or CSV with a header row, UTF-8), read and checked
 * row by row. Fields: sourceId, kind (SUGGESTION|MOTION|PROPOSAL), proposerType, proposerGroup, session, title,
 * content, deputies (a JSON array, or names separated by {@code ;} or {@code 、}), submittedAt, status
 * (SUBMITTED|REGISTERED|ASSIGNED|REPLIED|TRACKING|CLOSED), registeredAt, leadUnit, coUnits, assignedAt, category
 * (A–D), reply, repliedAt, satisfaction, feedbackAt. Times are ISO instants ({@code 2019-03-04T09:30:00Z}) or local
 * Beijing times ({@code 2019-03-04T09:30:00}); a missing step time is the previous step's.
 */
final class SuggestionImportFile {
    static final int MAX_ROWS = 20_000;
    private static final Set<SuggestionStatus> FINAL_STATES = Set.of(SuggestionStatus.SUBMITTED, SuggestionStatus.REGISTERED,
            SuggestionStatus.ASSIGNED, SuggestionStatus.REPLIED, SuggestionStatus.TRACKING, SuggestionStatus.CLOSED);

    private SuggestionImportFile() {
    }

    record Row(int line, String sourceId, Suggestion.Submission submission, SuggestionStatus status, Instant registeredAt,
               String leadUnit, List<String> coUnits, Instant assignedAt, ReplyCategory category, String reply,
               Instant repliedAt, Satisfaction satisfaction, Instant feedbackAt) {
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
                node.properties().forEach(e -> fields.put(e.getKey(), value(e.getValue())));
                records.add(fields);
            } catch (RuntimeException e) {
                records.add(null);
                errors.add(new RowError(line, "line", "is not a JSON object"));
            }
        }
        return check(records, 1, errors);
    }

    private static String value(JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(i -> items.add(i.asString()));
            return String.join(";", items);
        }
        return v.asString();
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
            SuggestionKind kind = enumValue("kind", SuggestionKind.class, false);
            ProposerType proposerType = enumValue("proposerType", ProposerType.class, false);
            String proposerGroup = text("proposerGroup", 100, false);
            String session = text("session", 100, true);
            String title = text("title", 200, true);
            String content = text("content", 20000, true);
            List<String> deputies = list("deputies");
            Instant submittedAt = time("submittedAt", true);
            SuggestionStatus status = enumValue("status", SuggestionStatus.class, true);
            if (status != null && !FINAL_STATES.contains(status)) {
                error("status", "must be one of " + FINAL_STATES);
            }
            Instant registeredAt = time("registeredAt", false);
            String leadUnit = text("leadUnit", 100, false);
            List<String> coUnits = list("coUnits");
            Instant assignedAt = time("assignedAt", false);
            ReplyCategory category = enumValue("category", ReplyCategory.class, false);
            String reply = text("reply", 20000, false);
            Instant repliedAt = time("repliedAt", false);
            Satisfaction satisfaction = enumValue("satisfaction", Satisfaction.class, false);
            Instant feedbackAt = time("feedbackAt", false);
            if (status != null) {
                if (status.ordinal() >= SuggestionStatus.ASSIGNED.ordinal() && leadUnit == null) {
                    error("leadUnit", "is required once a suggestion was assigned (交办)");
                }
                boolean replied = status == SuggestionStatus.REPLIED || status == SuggestionStatus.TRACKING
                        || status == SuggestionStatus.CLOSED;
                if (replied && category == null) {
                    error("category", "is required once a suggestion was answered");
                }
                if (replied && reply == null) {
                    error("reply", "is required once a suggestion was answered");
                }
                if ((status == SuggestionStatus.TRACKING || status == SuggestionStatus.CLOSED) && satisfaction == null) {
                    error("satisfaction", "is required for a tracked or closed suggestion");
                }
            }
            before("registeredAt", submittedAt, registeredAt);
            before("assignedAt", registeredAt != null ? registeredAt : submittedAt, assignedAt);
            before("repliedAt", assignedAt, repliedAt);
            before("feedbackAt", repliedAt, feedbackAt);
            if (errors.size() > errorsBefore) {
                return null;
            }
            var submission = new Suggestion.Submission(kind == null ? SuggestionKind.SUGGESTION : kind, session, title,
                    content, deputies, submittedAt, proposerType, proposerGroup);
            return new Row(line, sourceId, submission, status, registeredAt, leadUnit, coUnits, assignedAt, category,
                    reply, repliedAt, satisfaction, feedbackAt);
        }

        private void before(String field, Instant earlier, Instant later) {
            if (earlier != null && later != null && later.isBefore(earlier)) {
                error(field, "is before the step it follows");
            }
        }

        private List<String> list(String field) {
            String v = fields.get(field);
            if (v == null || v.isBlank()) {
                return List.of();
            }
            return Arrays.stream(v.split("[;；、]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
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
