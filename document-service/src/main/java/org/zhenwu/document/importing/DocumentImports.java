package org.zhenwu.document.importing;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.zhenwu.platform.importing.KnownSourceIds;
import org.zhenwu.platform.importing.RowReader;

/**
 * What document imports share beyond the platform's file reading: the file size limit, whole-number columns, the
 * source ids a town already has and register numbers reserved per file ({@link AggregateRows} writes the records).
 */
public final class DocumentImports {
    public static final int MAX_ROWS = 50_000;

    private DocumentImports() {
    }

    /** See {@link KnownSourceIds}: use the set as {@code if (!known.add(row.sourceId())) skip}. */
    public static Set<String> known(List<String> ids, Function<List<String>, ? extends Iterable<String>> query) {
        return KnownSourceIds.of(ids, query);
    }

    /**
     * The source ids among {@code ids} that the town already has in {@code table} (columns {@code town_code},
     * {@code source_id}); see {@link #known}.
     */
    public static Set<String> knownIn(JdbcClient jdbc, String table, String town, List<String> ids) {
        return known(ids, chunk -> jdbc.sql("SELECT source_id FROM " + table
                        + " WHERE town_code = :town AND source_id IN (:ids)")
                .param("town", town).param("ids", chunk).query(String.class).list());
    }

    /**
     * Register numbers for an import's new records in file order, one block per year reserved up front
     * ({@code reserve(year, count)} returns the block's first number, as {@code SequenceCounter.reserve}) instead of a
     * counter update per record: {@code next(year)} then gives what one {@code SequenceCounter.next} per record gave.
     */
    public static <R> IntUnaryOperator numbers(List<R> rows, Function<R, Integer> year,
                                              BiFunction<Integer, Integer, Integer> reserve) {
        Map<Integer, Integer> counts = new TreeMap<>();
        rows.forEach(r -> counts.merge(year.apply(r), 1, Integer::sum));
        Map<Integer, Integer> next = new HashMap<>();
        counts.forEach((y, n) -> next.put(y, reserve.apply(y, n)));
        return y -> next.merge(y, 1, Integer::sum) - 1;
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
