package org.zhenwu.hotline.workorder;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agents' queues in SQL: the claim must hold across instances of the service, so it is one
 * {@code SELECT … FOR UPDATE SKIP LOCKED} on {@code ix_work_order_queue (town_code, queue, priority, due_date, id)}:
 * two agents, in one JVM or two, never take the same order; an expired lease makes it claimable again.
 */
@Component
class WorkOrderQueue {
    static final String CLAIM_SQL = """
            SELECT id FROM work_order
            WHERE town_code = ? AND queue = ? AND queue_available_on <= ? AND (lease_until IS NULL OR lease_until < ?)
            ORDER BY priority, due_date, id
            LIMIT 1 FOR UPDATE SKIP LOCKED""";

    private final JdbcClient jdbc;

    WorkOrderQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Leases the first free order of the queue to the agent; runs in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<UUID> claim(String town, AgentQueue queue, String agent, Instant now, Instant leaseUntil, LocalDate today) {
        Optional<String> id = jdbc.sql(CLAIM_SQL)
                .params(town, queue.name(), today, Timestamp.from(now)).query(String.class).optional();
        id.ifPresent(i -> jdbc.sql("UPDATE work_order SET leased_by = ?, lease_until = ?, version = version + 1 WHERE id = ?")
                .params(agent, Timestamp.from(leaseUntil), i).update());
        return id.map(UUID::fromString);
    }

    /** Orders due for the deadline job, locked for this transaction; another instance skips them. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<UUID> lockOverdue(LocalDate today, int limit) {
        return jdbc.sql("""
                SELECT id FROM work_order WHERE status IN ('DISPATCHED', 'SIGNED') AND escalated = FALSE AND due_date < ?
                ORDER BY due_date, id LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(today, limit).query(String.class).list().stream().map(UUID::fromString).toList();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    List<UUID> lockDueSoon(LocalDate today, LocalDate remindUntil, int limit) {
        return jdbc.sql("""
                SELECT id FROM work_order WHERE status IN ('DISPATCHED', 'SIGNED') AND escalated = FALSE AND reminded = FALSE
                AND due_date BETWEEN ? AND ? ORDER BY due_date, id LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(today, remindUntil, limit).query(String.class).list().stream().map(UUID::fromString).toList();
    }

    /** How many orders wait in each queue of a town (free or leased). */
    List<QueueSize> sizes(List<String> towns, LocalDate today) {
        return jdbc.sql("""
                SELECT queue, COUNT(*) AS waiting, SUM(lease_until IS NOT NULL AND lease_until > CURRENT_TIMESTAMP(6)) AS leased
                FROM work_order WHERE town_code IN (:towns) AND queue IS NOT NULL AND queue_available_on <= :today
                GROUP BY queue ORDER BY queue""")
                .param("towns", towns).param("today", today)
                .query((rs, i) -> new QueueSize(AgentQueue.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3))).list();
    }

    record QueueSize(AgentQueue queue, long waiting, long leased) {
    }
}
