package org.zhenwu.hotline.workorder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.contracts.hotline.v1.HotlineTopics;
import org.zhenwu.contracts.hotline.v1.WorkOrderCreated;
import org.zhenwu.contracts.hotline.v1.WorkOrderDispatched;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.outbox.Outbox;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.NotFoundException;

/** The work-order feature's public API. Every method checks the caller's role and town. */
@Service
public class WorkOrderService {
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final WorkOrderRepository orders;
    private final Jurisdictions jurisdictions;
    private final WorkingDayCalendar calendar;
    private final WorkOrderProperties limits;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final Clock clock;

    WorkOrderService(WorkOrderRepository orders, Jurisdictions jurisdictions, WorkingDayCalendar calendar,
                     WorkOrderProperties limits, Outbox outbox, JdbcClient jdbc, Clock clock) {
        this.orders = orders;
        this.jurisdictions = jurisdictions;
        this.calendar = calendar;
        this.limits = limits;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    WorkOrder accept(Caller caller, String town, WorkOrder.Intake intake) {
        caller.requireAnyRole(Roles.HOTLINE_AGENT, Roles.DISTRICT_ADMIN);
        String townCode = jurisdictions.townForWrite(caller, town);
        Instant now = clock.instant();
        LocalDate today = now.atZone(WorkingDayCalendar.ZONE).toLocalDate();
        LocalDate due = calendar.addWorkingDays(today, limits.daysFor(intake.type(), intake.urgency()));
        WorkOrder order = WorkOrder.accept(UUID.randomUUID(), townCode, nextNumber(townCode, today), intake, due,
                caller.subject(), now);
        orders.save(order);
        publish(order);
        return order;
    }

    @Transactional
    WorkOrder dispatch(Caller caller, UUID id, String department, String note) {
        caller.requireAnyRole(Roles.HOTLINE_AGENT, Roles.DISTRICT_ADMIN);
        WorkOrder order = find(caller, id);
        order.dispatch(department, caller.subject(), note, clock.instant());
        publish(order);
        return order;
    }

    @Transactional(readOnly = true)
    WorkOrder get(Caller caller, UUID id) {
        WorkOrder order = find(caller, id);
        order.transitions().size(); // the audit trail is shown with the order
        return order;
    }

    @Transactional(readOnly = true)
    Page<WorkOrder> list(Caller caller, String town, int page, int size) {
        var scope = jurisdictions.readScope(caller, town);
        return orders.findByTownCodeInOrderByAcceptedAtDesc(scope.codes(), PageRequest.of(page, size));
    }

    private WorkOrder find(Caller caller, UUID id) {
        return orders.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Work order", id));
    }

    /** Gapless per town and day, also under concurrent intake: the counter row is locked until commit. */
    private String nextNumber(String townCode, LocalDate day) {
        jdbc.sql("""
                INSERT INTO work_order_counter (town_code, day, last_seq) VALUES (?, ?, LAST_INSERT_ID(1))
                ON DUPLICATE KEY UPDATE last_seq = LAST_INSERT_ID(last_seq + 1)""")
                .params(townCode, day).update();
        long seq = jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
        return townCode + "-" + day.format(DAY) + "-" + String.format("%05d", seq);
    }

    private void publish(WorkOrder order) {
        for (WorkOrderEvent event : order.pullEvents()) {
            String key = order.id().toString();
            if (event instanceof WorkOrderEvent.Accepted a) {
                outbox.append(HotlineTopics.WORK_ORDER_EVENTS, key, WorkOrderCreated.TYPE,
                        WorkOrderCreated.of(order.townCode(), order.id(), order.orderNumber(), order.orderType().name(),
                                order.channel().name(), order.category(), order.urgency().name(), order.dueDate(),
                                a.occurredAt()));
            } else if (event instanceof WorkOrderEvent.Dispatched d) {
                outbox.append(HotlineTopics.WORK_ORDER_EVENTS, key, WorkOrderDispatched.TYPE,
                        WorkOrderDispatched.of(order.townCode(), order.id(), d.department(), order.dueDate(),
                                d.occurredAt()));
            }
        }
    }
}
