package org.zhenwu.hotline.workorder;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agents' queues in SQL: the claim must hold across instances of the service, so it is one
 * {@code SELECT … FOR UPDATE SKIP LOCKED} ({@link QueueSql}) on {@code ix_work_order_queue (town_code, queue, priority, due_date, id)}:
 * two agents, in one JVM or two, never take the same order; an expired lease makes it claimable again.
 */
@Component
class WorkOrderQueue {
    private static final RowMapper<WorkOrderView> VIEW = (rs, n) -> new WorkOrderView(
            UUID.fromString(rs.getString("id")), rs.getString("town_code"), rs.getString("order_number"),
            WorkOrderType.valueOf(rs.getString("order_type")), Channel.valueOf(rs.getString("channel")),
            rs.getString("category"), Urgency.valueOf(rs.getString("urgency")),
            WorkOrderStatus.valueOf(rs.getString("status")), rs.getString("caller_name"), rs.getString("caller_phone"),
            rs.getBoolean("caller_confidential"), rs.getString("location"), rs.getString("content"),
            rs.getString("department"), instant(rs.getTimestamp("accepted_at")), rs.getObject("due_date", LocalDate.class),
            instant(rs.getTimestamp("dispatched_at")), instant(rs.getTimestamp("replied_at")),
            instant(rs.getTimestamp("closed_at")), rs.getString("reply"),
            rs.getString("satisfaction") == null ? null : Satisfaction.valueOf(rs.getString("satisfaction")),
            rs.getInt("reopen_count"), rs.getString("merged_into") == null ? null : UUID.fromString(rs.getString("merged_into")),
            rs.getObject("extension_days", Integer.class), rs.getBoolean("escalated"), rs.getInt("urge_count"),
            rs.getString("queue") == null ? null : AgentQueue.valueOf(rs.getString("queue")), rs.getString("leased_by"),
            instant(rs.getTimestamp("lease_until")), null);

    private final JdbcClient jdbc;

    WorkOrderQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Leases the first free order of the queue to the agent and returns it as the agent sees it; runs in the
     * caller's transaction. The order is read by the claim statement itself: loading the entity to copy it into
     * the view took more than half of a claim's CPU (Hibernate's load, then its dirty check at commit;
     * docs/benchmarks/queue-claims.md). {@code WorkOrderQueueTest} checks the view against the entity's.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<WorkOrderView> claim(String town, AgentQueue queue, String agent, Instant now, Instant leaseUntil,
                                  LocalDate today) {
        // whole seconds: what the agent is told is what every database keeps (MariaDB's driver drops the fraction)
        Instant until = leaseUntil.truncatedTo(ChronoUnit.SECONDS);
        return jdbc.sql(QueueSql.CLAIM_SQL).params(town, queue.name(), today, Timestamp.from(now)).query(VIEW).optional()
                .map(order -> {
                    jdbc.sql(QueueSql.LEASE_SQL).params(agent, Timestamp.from(until), order.id().toString()).update();
                    return order.leasedTo(agent, until);
                });
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
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
