package org.zhenwu.platform.importing;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * Values for {@link BatchInsert} rows as the services' JPA mappings store them: enums by name, UUIDs as text
 * ({@code CHAR(36)}), instants as UTC wall-clock times ({@code hibernate.jdbc.time_zone: UTC}); {@code null} stays
 * SQL NULL.
 */
public final class Columns {
    private Columns() {
    }

    /** {@code @Enumerated(EnumType.STRING)}. */
    public static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    /** A UUID (or any id) as text. */
    public static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** An instant, see {@link BatchInsert#utc}. */
    public static LocalDateTime time(Instant value) {
        return BatchInsert.utc(value);
    }
}
