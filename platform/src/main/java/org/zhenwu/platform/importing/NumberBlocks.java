package org.zhenwu.platform.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Blocks of gapless numbers taken from counter rows ({@code <keys…>, last}) in two statements per
 * {@value #KEYS_PER_STATEMENT} keys, in the caller's transaction, for an import that numbers its records per key (a
 * town and day, say).
 * <p>
 * Live intake takes one number at a time ({@code INSERT … ON DUPLICATE KEY UPDATE last = LAST_INSERT_ID(last + 1)},
 * then {@code SELECT LAST_INSERT_ID()}): two round trips per record, which made them a third of a historical import's
 * statements. Here one multi-row upsert adds each key's count to its row (creating it from zero), which locks the
 * rows until the commit as the one-at-a-time way does, then one read gives each key's new last number: the block is
 * {@code last - count + 1 … last}. A rollback gives the numbers back, so numbering stays gapless.
 */
public final class NumberBlocks {
    public static final int KEYS_PER_STATEMENT = 500;

    private NumberBlocks() {
    }

    /**
     * Blocks for a counter table keyed by town and day ({@code town_code, day, last_seq}, the services' daily
     * numbering), one number for each entry of {@code days} (repeated as often as numbers are needed, in any order).
     * The result hands the numbers out day by day, in the order asked.
     */
    public static Daily daily(JdbcClient jdbc, String table, String town, List<LocalDate> days) {
        Map<List<Object>, Integer> counts = new TreeMap<>(Comparator.comparing(k -> (LocalDate) k.get(1)));
        days.forEach(day -> counts.merge(List.of(town, day), 1, Integer::sum));
        Map<LocalDate, long[]> next = new HashMap<>();
        reserve(jdbc, table, List.of("town_code", "day"), "last_seq", counts)
                .forEach((key, first) -> next.put((LocalDate) key.get(1), new long[] {first}));
        return day -> {
            long[] seq = next.get(day);
            if (seq == null) {
                throw new IllegalArgumentException("no number was reserved for " + day);
            }
            return seq[0]++;
        };
    }

    /** Numbers reserved per day: the next one of {@code day}'s block. */
    public interface Daily {
        long next(LocalDate day);
    }

    /**
     * @param table       the counter table; its primary key is {@code keyColumns}
     * @param keyColumns  the key columns, in the order of each key's values
     * @param lastColumn  the column holding the last number given out for a key
     * @param counts      how many numbers each key needs (a key is its list of values; give a sorted map, so that
     *                    concurrent callers lock rows in the same order)
     * @return each key's first number of its block; the block runs to {@code first + count - 1}
     */
    public static Map<List<Object>, Long> reserve(JdbcClient jdbc, String table, List<String> keyColumns,
                                                  String lastColumn, Map<List<Object>, Integer> counts) {
        List<Map.Entry<List<Object>, Integer>> entries = new ArrayList<>(counts.entrySet());
        Map<List<Object>, Long> first = new HashMap<>();
        String key = "(" + String.join(", ", Collections.nCopies(keyColumns.size(), "?")) + ")";
        String row = "(" + String.join(", ", Collections.nCopies(keyColumns.size() + 1, "?")) + ")";
        String columns = String.join(", ", keyColumns);
        for (int from = 0; from < entries.size(); from += KEYS_PER_STATEMENT) {
            List<Map.Entry<List<Object>, Integer>> chunk =
                    entries.subList(from, Math.min(entries.size(), from + KEYS_PER_STATEMENT));
            List<Object> upsert = new ArrayList<>();
            List<Object> read = new ArrayList<>();
            for (Map.Entry<List<Object>, Integer> e : chunk) {
                if (e.getKey().size() != keyColumns.size() || e.getValue() < 1) {
                    throw new IllegalArgumentException("key " + e.getKey() + " of " + table + ": " + keyColumns.size()
                            + " values and a count of at least 1 expected, count " + e.getValue());
                }
                upsert.addAll(e.getKey());
                upsert.add(e.getValue());
                read.addAll(e.getKey());
            }
            jdbc.sql("INSERT INTO " + table + " (" + columns + ", " + lastColumn + ") VALUES "
                            + String.join(", ", Collections.nCopies(chunk.size(), row))
                            + " ON DUPLICATE KEY UPDATE " + lastColumn + " = " + lastColumn + " + VALUES(" + lastColumn + ")")
                    .params(upsert).update();
            List<Object> sample = chunk.get(0).getKey();
            Map<List<Object>, Long> last = new HashMap<>();
            jdbc.sql("SELECT " + columns + ", " + lastColumn + " FROM " + table + " WHERE (" + columns + ") IN ("
                            + String.join(", ", Collections.nCopies(chunk.size(), key)) + ")")
                    .params(read).query((rs, n) -> {
                        List<Object> values = new ArrayList<>(keyColumns.size());
                        for (int i = 0; i < keyColumns.size(); i++) {
                            values.add(rs.getObject(i + 1, sample.get(i).getClass()));
                        }
                        last.put(values, rs.getLong(keyColumns.size() + 1));
                        return null;
                    }).list();
            for (Map.Entry<List<Object>, Integer> e : chunk) {
                Long l = last.get(e.getKey());
                if (l == null) {
                    throw new IllegalStateException("counter row " + e.getKey() + " of " + table + " not read back");
                }
                first.put(e.getKey(), l - e.getValue() + 1);
            }
        }
        return first;
    }
}
