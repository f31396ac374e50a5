package org.zhenwu.hotline.workorder;

/**
 * The queue claim's two statements. JDK only, on purpose: the queue-claim benchmark's bare-JDBC loop and deploy's
 * {@code GrowthBenchmark} (which loads this class from {@code hotline-service/target/classes}) run these very strings.
 */
public final class QueueSql {
    /**
     * The first free order of a town's queue, locked, with every column the agent's console shows, so that a claim is
     * this statement and {@link #LEASE_SQL} and nothing else. Parameters: town, queue, today, now. Uses
     * {@code ix_work_order_queue (town_code, queue, priority, due_date, id)} and touches only the row it takes.
     */
    public static final String CLAIM_SQL = """
            SELECT id, town_code, order_number, order_type, channel, category, urgency, status, caller_name, caller_phone,
                   caller_confidential, location, content, department, accepted_at, due_date, dispatched_at, replied_at,
                   closed_at, reply, satisfaction, reopen_count, merged_into, extension_days, escalated, urge_count, queue,
                   leased_by, lease_until
            FROM work_order
            WHERE town_code = ? AND queue = ? AND queue_available_on <= ? AND (lease_until IS NULL OR lease_until < ?)
            ORDER BY priority, due_date, id
            LIMIT 1 FOR UPDATE SKIP LOCKED""";

    /** Leases the claimed order: agent, until, id. */
    public static final String LEASE_SQL =
            "UPDATE work_order SET leased_by = ?, lease_until = ?, version = version + 1 WHERE id = ?";

    private QueueSql() {
    }
}
