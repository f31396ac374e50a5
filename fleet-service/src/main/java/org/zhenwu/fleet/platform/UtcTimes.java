package org.zhenwu.fleet.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Hibernate writes instants as UTC wall-clock times ({@code hibernate.jdbc.time_zone: UTC}); JDBC queries bind and
 * read them the same way here, whatever the JVM's time zone.
 */
public final class UtcTimes {
    private UtcTimes() {
    }

    public static LocalDateTime param(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    public static Instant read(ResultSet rs, String column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}
