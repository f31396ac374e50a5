package org.zhenwu.hotline.workorder;

import static org.zhenwu.platform.importing.Columns.name;
import static org.zhenwu.platform.importing.Columns.text;
import static org.zhenwu.platform.importing.Columns.time;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.platform.importing.BatchInsert;

/**
 * New work orders of an import written as rows: two multi-row inserts per 500 orders (and their trail lines) instead
 * of an insert per order and one per trail line (their ids are {@code AUTO_INCREMENT}, which Hibernate never
 * batches). The orders were built by {@link WorkOrder#imported} and their state machine, every rule checked; the
 * columns here are the entity's mapping ({@code WorkOrderImportTest} reads orders back and moves them on).
 */
final class WorkOrderRows {
    private WorkOrderRows() {
    }

    static void insert(JdbcClient jdbc, List<WorkOrder> orders) {
        List<List<Object>> rows = new ArrayList<>();
        List<List<Object>> transitions = new ArrayList<>();
        for (WorkOrder o : orders) {
            String id = o.id().toString();
            rows.add(Arrays.asList(id, o.townCode(), o.orderNumber(), o.orderType().name(), o.channel().name(),
                    o.category(), o.urgency().name(), o.status().name(), o.callerName(), o.callerPhone(),
                    o.callerConfidential(), o.location(), o.content(), o.department(), time(o.acceptedAt()), o.dueDate(),
                    o.createdBy(), time(o.dispatchedAt()), time(o.signedAt()), o.signedOnTime(), time(o.repliedAt()),
                    time(o.closedAt()), o.reply(), name(o.satisfaction()), o.reopenCount(),
                    text(o.mergedInto()), o.extensionDays(), o.extensionReason(),
                    o.escalated(), o.reminded(), o.urgeCount(), name(o.queue()), o.priority(), o.queueAvailableOn(),
                    o.leasedBy(), time(o.leaseUntil()), o.sourceId(), 0L));
            for (WorkOrderTransition t : o.transitions()) {
                transitions.add(Arrays.asList(id, name(t.fromStatus()), t.toStatus().name(), t.actor(), t.note(),
                        time(t.at())));
            }
        }
        BatchInsert.into(jdbc, "work_order", List.of("id", "town_code", "order_number", "order_type", "channel",
                "category", "urgency", "status", "caller_name", "caller_phone", "caller_confidential", "location",
                "content", "department", "accepted_at", "due_date", "created_by", "dispatched_at", "signed_at",
                "signed_on_time", "replied_at", "closed_at", "reply", "satisfaction", "reopen_count", "merged_into",
                "extension_days", "extension_reason", "escalated", "reminded", "urge_count", "queue", "priority",
                "queue_available_on", "leased_by", "lease_until", "source_id", "version"), rows);
        BatchInsert.into(jdbc, "work_order_transition", List.of("work_order_id", "from_status", "to_status", "actor",
                "note", "at"), transitions);
    }
}
