package org.zhenwu.platform.importing;

/** One problem of an import file: its line (record number for CSV), the field and what is wrong. */
public record RowError(int line, String field, String message) {
}
