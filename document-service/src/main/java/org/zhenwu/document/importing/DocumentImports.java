package org.zhenwu.document.importing;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.zhenwu.platform.importing.KnownSourceIds;
import org.zhenwu.platform.importing.RowReader;

/** What document imports share beyond the platform's file reading: the file size limit and whole-number columns. */
public final class DocumentImports {
    public static final int MAX_ROWS = 50_000;

    private DocumentImports() {
    }

    /** See {@link KnownSourceIds}: use the set as {@code if (!known.add(row.sourceId())) skip}. */
    public static Set<String> known(List<String> ids, Function<List<String>, ? extends Iterable<String>> query) {
        return KnownSourceIds.of(ids, query);
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

    /** A list in one cell, items separated by {@code ;}; each item at most {@code maxItem} characters. */
    public static List<String> items(RowReader f, String field, int maxItem) {
        String v = f.text(field, 10_000, false);
        List<String> items = v == null ? List.of()
                : Arrays.stream(v.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (items.stream().anyMatch(s -> s.length() > maxItem)) {
            f.error(field, "has an item longer than " + maxItem + " characters");
        }
        return items;
    }
}
