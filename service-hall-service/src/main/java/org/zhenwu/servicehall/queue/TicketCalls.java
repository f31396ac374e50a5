package org.zhenwu.servicehall.queue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The queue in SQL. A call must hold across instances of the service, so it is one
 * {@code SELECT … FOR UPDATE SKIP LOCKED} per queue on {@code ix_ticket_call (town_code, queue_code, service_day,
 * status, priority_rank, issue_order)}, read in the index's order: it locks one row, and a window calling at the same
 * instant, in this JVM or another, skips it and takes the next.
 */
@Component
class TicketCalls {
    static final String CLAIM_SQL = """
            SELECT id FROM ticket
            WHERE town_code = ? AND queue_code = ? AND service_day = ? AND status = 'WAITING'
            ORDER BY priority_rank, issue_order
            LIMIT 1 FOR UPDATE SKIP LOCKED""";

    private final JdbcClient jdbc;

    TicketCalls(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The first free waiting ticket of the queue, locked until the caller's transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<UUID> claim(String town, String queue, LocalDate day) {
        return jdbc.sql(CLAIM_SQL).params(town, queue, day).query(String.class).optional().map(UUID::fromString);
    }

    /**
     * The next number of a queue's day, gapless: the counter row stays locked until commit, and a rolled-back issue
     * gives its number back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int nextSequence(String town, String queue, LocalDate day, int first) {
        jdbc.sql("""
                INSERT INTO ticket_counter (town_code, queue_code, service_day, last_number) VALUES (?, ?, ?, LAST_INSERT_ID(?))
                ON DUPLICATE KEY UPDATE last_number = LAST_INSERT_ID(last_number + 1)""")
                .params(town, queue, day, first).update();
        return jdbc.sql("SELECT LAST_INSERT_ID()").query(Integer.class).single();
    }

    /** How many tickets wait ahead of one: better priority, or the same and issued earlier. */
    long ahead(String town, String queue, LocalDate day, int rank, long issueOrder) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM ticket
                WHERE town_code = ? AND queue_code = ? AND service_day = ? AND status = 'WAITING'
                AND (priority_rank < ? OR (priority_rank = ? AND issue_order < ?))""")
                .params(town, queue, day, rank, rank, issueOrder).query(Long.class).single();
    }

    /** The next few waiting numbers of a queue, in call order (no lock: for display). */
    List<String> upcoming(String town, String queue, LocalDate day, int limit) {
        return jdbc.sql("""
                SELECT number FROM ticket
                WHERE town_code = ? AND queue_code = ? AND service_day = ? AND status = 'WAITING'
                ORDER BY priority_rank, issue_order LIMIT ?""")
                .params(town, queue, day, limit).query(String.class).list();
    }

    /** Waiting tickets per queue of the towns today. */
    List<Waiting> waiting(List<String> towns, LocalDate day) {
        return jdbc.sql("""
                SELECT town_code, queue_code, COUNT(*) FROM ticket
                WHERE town_code IN (:towns) AND service_day = :day AND status = 'WAITING'
                GROUP BY town_code, queue_code""")
                .param("towns", towns).param("day", day)
                .query((rs, i) -> new Waiting(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
    }

    record Waiting(String town, String queue, long count) {
    }
}
