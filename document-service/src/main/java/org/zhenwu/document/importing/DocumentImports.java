package org.zhenwu.document.importing;

import org.zhenwu.platform.importing.RowReader;

/** What document imports share beyond the platform's file reading: the file size limit and whole-number columns. */
public final class DocumentImports {
    public static final int MAX_ROWS = 50_000;

    private DocumentImports() {
    }

    /** A whole number from {@code min} to {@code max}, or {@code null} when absent (a problem when malformed). */
    public static Integer integer(RowReader f, String field, int min, int max) {
        String v = f.text(field, 10, false);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                f.error(field, "must be from " + min + " to " + max);
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            f.error(field, "must be a whole number");
            return null;
        }
    }
}
