package org.zhenwu.platform.importing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A file of past records, JSON lines or CSV (RFC 4180, optional BOM, header row), UTF-8, split into
 * {@link ImportRecord}s with their line numbers. Problems found while splitting (a line that is not a JSON object, an
 * empty file, too many rows) and while reading rows ({@link #rows}) are collected in {@link #errors()}; nothing
 * stops early. Features decide which fields a row has and how it becomes their aggregate.
 */
public final class ImportFile {
    private final List<ImportRecord> records;
    private final List<RowError> errors;
    private final int firstLine;

    private ImportFile(List<ImportRecord> records, List<RowError> errors, int firstLine, int maxRows) {
        this.errors = errors;
        this.firstLine = firstLine;
        if (records.size() > maxRows) {
            errors.add(new RowError(firstLine, "file", "at most " + maxRows + " rows per file"));
            this.records = List.of();
        } else {
            if (records.isEmpty() && errors.isEmpty()) {
                errors.add(new RowError(firstLine, "file", "has no rows"));
            }
            this.records = List.copyOf(records);
        }
    }

    /**
     * One JSON object per line; blank lines are skipped. Values become text: {@code null} stays absent, an array
     * becomes its items joined by {@code ;}.
     */
    public static ImportFile jsonLines(String body, JsonMapper json, int maxRows) {
        List<ImportRecord> records = new ArrayList<>();
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
                node.properties().forEach(e -> fields.put(e.getKey(), value(e.getValue())));
                records.add(new ImportRecord(line, fields));
            } catch (RuntimeException e) {
                errors.add(new RowError(line, "line", "is not a JSON object"));
            }
        }
        return new ImportFile(records, errors, 1, maxRows);
    }

    /** CSV with a header row; a record's line counts the header as 1. Blank rows are skipped, empty cells are absent. */
    public static ImportFile csv(String body, int maxRows) {
        List<List<String>> table = Csv.parse(body);
        List<RowError> errors = new ArrayList<>();
        if (table.isEmpty()) {
            errors.add(new RowError(1, "header", "the file is empty"));
            return new ImportFile(List.of(), errors, 2, maxRows);
        }
        List<String> header = table.get(0);
        List<ImportRecord> records = new ArrayList<>();
        for (int r = 1; r < table.size(); r++) {
            List<String> cells = table.get(r);
            if (cells.size() == 1 && cells.get(0).isBlank()) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < header.size() && i < cells.size(); i++) {
                fields.put(header.get(i).strip(), cells.get(i).isEmpty() ? null : cells.get(i));
            }
            records.add(new ImportRecord(r + 1, fields));
        }
        return new ImportFile(records, errors, 2, maxRows);
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

    public List<ImportRecord> records() {
        return records;
    }

    /** Every problem so far, in the order found. */
    public List<RowError> errors() {
        return Collections.unmodifiableList(errors);
    }

    /** The line of the first record (1 for JSON lines, 2 for CSV). */
    public int firstLine() {
        return firstLine;
    }

    /** A reader for one record, noting its problems in this file's {@link #errors()}. */
    public RowReader reader(ImportRecord record) {
        return new RowReader(record, errors);
    }

    /**
     * Reads every record with {@code read} (which returns {@code null} for a bad row) and keeps the good rows. A good
     * row whose source id an earlier good row already had is a problem ({@code sourceId: appears twice in this file}).
     */
    public <R> List<R> rows(Function<RowReader, R> read, Function<R, String> sourceId) {
        List<R> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ImportRecord record : records) {
            RowReader reader = reader(record);
            R row = read.apply(reader);
            if (row == null || !reader.ok()) {
                continue;
            }
            if (!seen.add(sourceId.apply(row))) {
                reader.error("sourceId", "appears twice in this file");
            } else {
                rows.add(row);
            }
        }
        return rows;
    }

    /** Throws {@link ImportRejected} with every problem, if there is any. */
    public void rejectIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ImportRejected(errors);
        }
    }
}
