package org.zhenwu.document.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A file of past records, JSON lines or CSV with a header row (UTF-8), split into one {@link Fields} per record.
 * Features read their own columns from the fields; every problem is collected with its line, nothing stops early.
 */
public final class ImportFile {
    public static final int MAX_ROWS = 50_000;

    private ImportFile() {
    }

    /** The records, and the problems found while splitting (bad JSON, too many rows, repeated source ids). */
    public record Parsed(List<Fields> records, List<RowError> errors) {
    }

    public record RowError(int line, String field, String message) {
    }

    public static Parsed parseJsonLines(String body, JsonMapper json) {
        List<Fields> records = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        int line = 0;
        for (String text : body.split("\r?\n")) {
            line++;
            if (text.isBlank()) {
                continue;
            }
            try {
                JsonNode node = json.readTree(text);
                Map<String, String> fields = new LinkedHashMap<>();
                node.properties().forEach(e -> fields.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asString()));
                records.add(new Fields(line, fields, errors));
            } catch (RuntimeException e) {
                errors.add(new RowError(line, "line", "is not a JSON object"));
            }
        }
        return check(records, errors);
    }

    public static Parsed parseCsv(String body) {
        List<List<String>> table = csv(body);
        List<RowError> errors = new ArrayList<>();
        if (table.isEmpty()) {
            errors.add(new RowError(1, "header", "the file is empty"));
            return new Parsed(List.of(), errors);
        }
        List<String> header = table.get(0);
        List<Fields> records = new ArrayList<>();
        for (int r = 1; r < table.size(); r++) {
            List<String> cells = table.get(r);
            if (cells.size() == 1 && cells.get(0).isBlank()) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < header.size() && i < cells.size(); i++) {
                fields.put(header.get(i).strip(), cells.get(i).isEmpty() ? null : cells.get(i));
            }
            records.add(new Fields(r + 1, fields, errors));
        }
        return check(records, errors);
    }

    private static Parsed check(List<Fields> records, List<RowError> errors) {
        if (records.size() > MAX_ROWS) {
            errors.add(new RowError(1, "file", "at most " + MAX_ROWS + " rows per file"));
            return new Parsed(List.of(), errors);
        }
        if (records.isEmpty() && errors.isEmpty()) {
            errors.add(new RowError(1, "file", "has no rows"));
        }
        Set<String> seen = new HashSet<>();
        for (Fields f : records) {
            String id = f.raw("sourceId");
            if (id != null && !seen.add(id.strip())) {
                errors.add(new RowError(f.line(), "sourceId", "appears twice in this file"));
            }
        }
        return new Parsed(records, errors);
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
