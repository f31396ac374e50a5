package org.zhenwu.platform.importing;

import java.util.Map;

/** One record of an import file: its line (for CSV, the record's number counting the header as 1) and raw values. */
public record ImportRecord(int line, Map<String, String> fields) {
    public ImportRecord {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }

    /** The raw value, {@code null} when absent or empty. */
    public String get(String field) {
        return fields.get(field);
    }
}
