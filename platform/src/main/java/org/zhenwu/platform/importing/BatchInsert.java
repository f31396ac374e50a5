package org.zhenwu.platform.importing;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows written with one multi-row {@code INSERT} per {@value #ROWS_PER_STATEMENT} rows, in the caller's transaction.
 * <p>
 * For an import's child rows whose ids the database assigns ({@code AUTO_INCREMENT}, {@code IDENTITY} in JPA):
 * Hibernate cannot batch such inserts and sends one statement per row, which made a thousand-record file take
 * thousands of round trips. The feature still builds each record through its aggregate (every rule checked), then
 * writes the aggregate's rows with this; nothing else in the transaction may expect them in the persistence context.
 */
public final class BatchInsert {
    public static final int ROWS_PER_STATEMENT = 500;

    private BatchInsert() {
    }

    /**
     * @param table   the table
     * @param columns its columns, in the order of each row's values
     * @param rows    one list of values per row ({@code null} for SQL NULL; instants through {@link #utc})
     * @return rows written
     */
    public static int into(JdbcClient jdbc, String table, List<String> columns, List<List<Object>> rows) {
        String head = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ";
        String row = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        int written = 0;
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<List<Object>> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            List<Object> params = new ArrayList<>(chunk.size() * columns.size());
            for (List<Object> values : chunk) {
                if (values.size() != columns.size()) {
                    throw new IllegalArgumentException("a row of " + table + " has " + values.size() + " values for "
                            + columns.size() + " columns");
                }
                params.addAll(values);
            }
            written += jdbc.sql(head + String.join(", ", Collections.nCopies(chunk.size(), row))).params(params)
                    .update();
        }
        return written;
    }

    /**
     * An instant as the services' Hibernate writes it ({@code hibernate.jdbc.time_zone: UTC}): its UTC wall-clock
     * time, whatever the JVM's time zone.
     */
    public static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
