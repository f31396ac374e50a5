package org.zhenwu.servicehall.application;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.platform.importing.NumberBlocks;

/**
 * The SQL behind the clock job and the numbers. The job's reads lock what they return with {@code SKIP LOCKED}, so
 * several instances running the job at once each take different applications, and each warning is raised once.
 */
@Component
class ApplicationClock {
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final JdbcClient jdbc;

    ApplicationClock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Running applications past their due date and not yet red. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<UUID> lockOverdue(LocalDate today, int limit) {
        return jdbc.sql("""
                SELECT id FROM application
                WHERE status IN ('ACCEPTED', 'APPROVED', 'REJECTED') AND warning_level IN ('NONE', 'YELLOW') AND due_date < ?
                ORDER BY due_date, id LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(today, limit).query(String.class).list().stream().map(UUID::fromString).toList();
    }

    /** Running applications due between today and {@code yellowUntil}, not yet warned. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<UUID> lockDueSoon(LocalDate today, LocalDate yellowUntil, int limit) {
        return jdbc.sql("""
                SELECT id FROM application
                WHERE status IN ('ACCEPTED', 'APPROVED', 'REJECTED') AND warning_level = 'NONE' AND due_date BETWEEN ? AND ?
                ORDER BY due_date, id LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(today, yellowUntil, limit).query(String.class).list().stream().map(UUID::fromString).toList();
    }

    /**
     * A block of numbers for each day of an import's applications (one count per application, in any order), taken
     * from the same counters as {@link #nextNumber}: two statements per file instead of two per application.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Numbers reserveNumbers(String townCode, List<LocalDate> days) {
        NumberBlocks.Daily numbers = NumberBlocks.daily(jdbc, "application_counter", townCode, days);
        return day -> number(townCode, day, numbers.next(day));
    }

    /** The numbers reserved for an import, handed out in the order asked. */
    interface Numbers {
        String next(LocalDate day);
    }

    /** Gapless per town and day, also under concurrent intake: the counter row is locked until commit. */
    @Transactional(propagation = Propagation.MANDATORY)
    String nextNumber(String townCode, LocalDate day) {
        jdbc.sql("""
                INSERT INTO application_counter (town_code, day, last_seq) VALUES (?, ?, LAST_INSERT_ID(1))
                ON DUPLICATE KEY UPDATE last_seq = LAST_INSERT_ID(last_seq + 1)""")
                .params(townCode, day).update();
        long seq = jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
        return number(townCode, day, seq);
    }

    private static String number(String townCode, LocalDate day, long seq) {
        return townCode + "-" + day.format(DAY) + "-" + String.format("%05d", seq);
    }
}
