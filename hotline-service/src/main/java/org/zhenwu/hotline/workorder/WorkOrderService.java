package org.zhenwu.hotline.workorder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.contracts.document.v1.SupervisionCompleted;
import org.zhenwu.contracts.hotline.v1.HotlineTopics;
import org.zhenwu.contracts.hotline.v1.WorkOrderClosed;
import org.zhenwu.contracts.hotline.v1.WorkOrderCreated;
import org.zhenwu.contracts.hotline.v1.WorkOrderDispatched;
import org.zhenwu.contracts.hotline.v1.WorkOrderEscalated;
import org.zhenwu.contracts.hotline.v1.WorkOrderMerged;
import org.zhenwu.contracts.hotline.v1.WorkOrderReopened;
import org.zhenwu.contracts.hotline.v1.WorkOrderReplied;
import org.zhenwu.hotline.catalogue.DispatchCatalogue;
import org.zhenwu.hotline.stats.FigureRollupService;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.importing.ImportRejected;
import org.zhenwu.platform.importing.KnownSourceIds;
import org.zhenwu.platform.importing.NumberBlocks;
import org.zhenwu.platform.importing.RowError;
import org.zhenwu.platform.inbox.Inbox;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.outbox.Outbox;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.platform.web.NotFoundException;

/**
 * The work-order feature's public API. Every method checks who may act: agents run the loop, a department's
 * handlers act only on what was sent to their department in their town, and nobody sees another town.
 */
@Service
public class WorkOrderService {
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String[] AGENTS = {Roles.HOTLINE_AGENT, Roles.DISTRICT_ADMIN};

    private final WorkOrderRepository orders;
    private final WorkOrderQueue queue;
    private final DispatchCatalogue catalogue;
    private final Jurisdictions jurisdictions;
    private final WorkingDayCalendar calendar;
    private final WorkOrderProperties limits;
    private final Outbox outbox;
    private final Inbox inbox;
    private final JdbcClient jdbc;
    private final FigureRollupService rollups;
    private final Clock clock;
    /** For the list's native page query (its statements are {@link WorkOrderListSql}'s). */
    @PersistenceContext
    private EntityManager entityManager;

    WorkOrderService(WorkOrderRepository orders, WorkOrderQueue queue, DispatchCatalogue catalogue,
                     Jurisdictions jurisdictions, WorkingDayCalendar calendar, WorkOrderProperties limits, Outbox outbox,
                     Inbox inbox, JdbcClient jdbc, FigureRollupService rollups, Clock clock) {
        this.orders = orders;
        this.queue = queue;
        this.catalogue = catalogue;
        this.jurisdictions = jurisdictions;
        this.calendar = calendar;
        this.limits = limits;
        this.outbox = outbox;
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.rollups = rollups;
        this.clock = clock;
    }

    // ---- agents -------------------------------------------------------------------------------------------

    /** 受理. */
    @Transactional
    public WorkOrderView accept(Caller caller, String town, Intake intake) {
        caller.requireAnyRole(AGENTS);
        String townCode = jurisdictions.townForWrite(caller, town);
        Instant now = clock.instant();
        LocalDate today = today(now);
        LocalDate due = calendar.addWorkingDays(today, limits.daysFor(intake.type(), intake.urgency()));
        WorkOrder order = WorkOrder.accept(UUID.randomUUID(), townCode, nextNumber(townCode, today), intake, due,
                caller.subject(), now);
        return saved(order);
    }

    /** 派单 / 改派; without a department the 派单目录 decides. */
    @Transactional
    public WorkOrderView dispatch(Caller caller, UUID id, String department, String note) {
        WorkOrder order = forAgent(caller, id);
        String to = department != null && !department.isBlank() ? department
                : catalogue.departmentFor(order.townCode(), order.category()).orElseThrow(() -> new InvalidFieldException(
                "department", "no dispatch rule for category '" + order.category() + "': name the department"));
        order.dispatch(to, caller.subject(), note, clock.instant());
        return saved(order);
    }

    /** A consultation answered by the agent and closed at once. */
    @Transactional
    public WorkOrderView answerAtOnce(Caller caller, UUID id, String answer) {
        WorkOrder order = forAgent(caller, id);
        order.answerAtOnce(caller.subject(), answer, clock.instant());
        return saved(order);
    }

    /** 回访. */
    @Transactional
    public WorkOrderView revisit(Caller caller, UUID id, Satisfaction verdict, String note) {
        WorkOrder order = forAgent(caller, id);
        order.revisit(caller.subject(), verdict, note, clock.instant(), calendar, limits.reopenDays());
        return saved(order);
    }

    /** 并单: {@code id} is the repeat, {@code into} the earlier order. */
    @Transactional
    public WorkOrderView merge(Caller caller, UUID id, UUID into) {
        WorkOrder repeat = forAgent(caller, id);
        WorkOrder earlier = orders.findByIdAndTownCodeIn(into, List.of(repeat.townCode()))
                .orElseThrow(() -> new InvalidFieldException("into", "no open work order " + into + " in this town"));
        repeat.mergeInto(earlier, caller.subject(), clock.instant());
        saved(earlier);
        return saved(repeat);
    }

    @Transactional
    public WorkOrderView decideExtension(Caller caller, UUID id, boolean approve, String note) {
        WorkOrder order = forAgent(caller, id);
        order.decideExtension(caller.subject(), approve, note, clock.instant(), calendar);
        return saved(order);
    }

    /** 催办. */
    @Transactional
    public WorkOrderView urge(Caller caller, UUID id, String note) {
        WorkOrder order = forAgent(caller, id);
        order.urge(caller.subject(), note, clock.instant());
        return saved(order);
    }

    /** Takes the next order of a queue: urgent first, then the earliest deadline. Empty when the queue is. */
    @Transactional
    public Optional<WorkOrderView> claimNext(Caller caller, String town, AgentQueue from) {
        caller.requireAnyRole(AGENTS);
        String townCode = jurisdictions.townForWrite(caller, town);
        Instant now = clock.instant();
        return queue.claim(townCode, from, caller.subject(), now, now.plus(limits.leaseDuration()), today(now));
    }

    /** Gives a claimed order back to its queue before the lease runs out. */
    @Transactional
    public void release(Caller caller, UUID id) {
        WorkOrder order = find(caller, id);
        caller.requireAnyRole(AGENTS);
        order.releaseLease(caller.subject());
    }

    @Transactional(readOnly = true)
    public List<WorkOrderQueue.QueueSize> queueSizes(Caller caller, String town) {
        return queue.sizes(jurisdictions.readScope(caller, town).codes(), today(clock.instant()));
    }

    /**
     * Brings in past work orders: every row's history is replayed through the state machine with its own
     * timestamps, and announced like a live order, so the figures elsewhere count it. All or nothing; rows whose
     * source id this town already has are skipped, so a file can be sent again.
     * <p>
     * Per file, not per order: one query for the known source ids (per 1,000), a block of numbers per day
     * ({@link NumberBlocks}), the orders and their trail lines in multi-row inserts ({@link WorkOrderRows}) and the
     * events in the outbox's multi-row inserts. Nothing is written until every row has replayed.
     */
    @Transactional
    public ImportResult importHistory(Caller caller, String town, List<WorkOrderImportFile.Row> rows) {
        caller.requireAnyRole(Roles.HOTLINE_AGENT, Roles.DISTRICT_ADMIN);
        String townCode = jurisdictions.townForWrite(caller, town);
        Set<String> known = KnownSourceIds.of(rows.stream().map(WorkOrderImportFile.Row::sourceId).toList(),
                ids -> orders.knownSourceIds(townCode, ids));
        List<WorkOrderImportFile.Row> fresh = rows.stream().filter(row -> known.add(row.sourceId())).toList();
        if (fresh.isEmpty()) {
            return new ImportResult(0, rows.size());
        }
        NumberBlocks.Daily numbers = NumberBlocks.daily(jdbc, "work_order_counter", townCode,
                fresh.stream().map(row -> today(row.acceptedAt())).toList());
        String actor = "import:" + caller.subject();
        List<RowError> errors = new java.util.ArrayList<>();
        List<WorkOrder> imported = new java.util.ArrayList<>(fresh.size());
        for (WorkOrderImportFile.Row row : fresh) {
            try {
                imported.add(replay(townCode, row, actor, numbers));
            } catch (RuntimeException e) {
                errors.add(new RowError(row.line(), "status", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejected(errors);
        }
        WorkOrderRows.insert(jdbc, imported);
        imported.forEach(this::publish);
        // one rebuild of the touched days from the rows just written, not an upsert per row
        rollups.rebuildDays(townCode, imported.stream().map(o -> today(o.acceptedAt()))
                .collect(java.util.stream.Collectors.toSet()));
        return new ImportResult(imported.size(), rows.size() - fresh.size());
    }

    private WorkOrder replay(String town, WorkOrderImportFile.Row row, String actor, NumberBlocks.Daily numbers) {
        LocalDate acceptedOn = today(row.acceptedAt());
        LocalDate due = row.dueDate() != null ? row.dueDate()
                : calendar.addWorkingDays(acceptedOn, limits.daysFor(row.intake().type(), row.intake().urgency()));
        WorkOrder order = WorkOrder.imported(UUID.randomUUID(), town, number(town, acceptedOn, numbers.next(acceptedOn)),
                row.sourceId(), row.intake(), due, row.acceptedAt(), actor);
        WorkOrderStatus target = row.status();
        if (target == WorkOrderStatus.ACCEPTED) {
            return order;
        }
        if (target == WorkOrderStatus.CLOSED && row.department() == null) {
            order.answerAtOnce(actor, row.reply(), row.closedAt() != null ? row.closedAt() : row.acceptedAt());
            return order;
        }
        Instant dispatched = row.dispatchedAt() != null ? row.dispatchedAt() : row.acceptedAt();
        order.dispatch(row.department(), actor, "历史导入", dispatched);
        if (target == WorkOrderStatus.DISPATCHED) {
            return order;
        }
        Instant signed = row.signedAt() != null ? row.signedAt() : dispatched;
        order.sign(actor, signed, calendar.addWorkingDays(today(dispatched), limits.responseDays()));
        if (target == WorkOrderStatus.SIGNED) {
            return order;
        }
        Instant replied = row.repliedAt() != null ? row.repliedAt() : signed;
        order.reply(actor, row.reply(), replied);
        if (target == WorkOrderStatus.CLOSED) {
            order.revisit(actor, row.satisfaction(), "历史导入", row.closedAt() != null ? row.closedAt() : replied,
                    calendar, limits.reopenDays());
        }
        return order;
    }

    public record ImportResult(int imported, int skipped) {
    }

    // ---- departments --------------------------------------------------------------------------------------

    /** 签收. */
    @Transactional
    public WorkOrderView sign(Caller caller, UUID id) {
        WorkOrder order = forDepartment(caller, id);
        LocalDate dispatched = order.dispatchedAt() == null ? today(clock.instant()) : today(order.dispatchedAt());
        order.sign(caller.subject(), clock.instant(), calendar.addWorkingDays(dispatched, limits.responseDays()));
        return saved(order);
    }

    /** 退单 with a reason, within the return window. */
    @Transactional
    public WorkOrderView returnOrder(Caller caller, UUID id, String reason) {
        WorkOrder order = forDepartment(caller, id);
        LocalDate dispatched = order.dispatchedAt() == null ? today(clock.instant()) : today(order.dispatchedAt());
        order.returnToAgents(caller.subject(), reason, clock.instant(),
                calendar.addWorkingDays(dispatched, limits.returnWindowDays()));
        return saved(order);
    }

    /** 回复. */
    @Transactional
    public WorkOrderView reply(Caller caller, UUID id, String answer) {
        WorkOrder order = forDepartment(caller, id);
        order.reply(caller.subject(), answer, clock.instant());
        return saved(order);
    }

    @Transactional
    public WorkOrderView requestExtension(Caller caller, UUID id, int days, String reason) {
        WorkOrder order = forDepartment(caller, id);
        order.requestExtension(caller.subject(), days, reason, clock.instant(), limits.maxExtensionDays());
        return saved(order);
    }

    // ---- reading --------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public WorkOrderView get(Caller caller, UUID id) {
        WorkOrder order = find(caller, id);
        return WorkOrderView.withTrail(order);
    }

    /**
     * Agents and leaders see the town's orders; a department's handlers only those sent to their department. Newest
     * first; the total is counted up to {@link WorkOrderListSql#COUNT_CAP} + 1 (more than the cap: not exact).
     */
    @Transactional(readOnly = true)
    public Page<WorkOrderView> list(Caller caller, String town, WorkOrderStatus status, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("towns", jurisdictions.readScope(caller, town).codes());
        boolean byDepartment = isDepartmentOnly(caller);
        if (byDepartment) {
            params.put("department", caller.department() == null ? "" : caller.department());
        }
        if (status != null) {
            params.put("status", status.name());
        }
        String where = WorkOrderListSql.where(status != null, byDepartment);
        params.put("countCap", WorkOrderListSql.COUNT_CAP + 1);
        long total = jdbc.sql(WorkOrderListSql.countSql(where)).params(params).query(Long.class).single();
        params.remove("countCap");
        params.put("limit", size);
        params.put("offset", (long) page * size);
        var query = entityManager.createNativeQuery(WorkOrderListSql.pageSql(where), WorkOrder.class);
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<WorkOrder> found = query.getResultList();
        return new PageImpl<>(found.stream().map(WorkOrderView::of).toList(), PageRequest.of(page, size), total);
    }

    // ---- events from other services --------------------------------------------------------------------------

    /** document-service completed the 督办 task it opened when this order was escalated. Idempotent. */
    @Transactional
    public void onSupervisionCompleted(SupervisionCompleted event) {
        if (!SupervisionCompleted.ORIGIN_HOTLINE_WORK_ORDER.equals(event.originType()) || event.originId() == null
                || !inbox.firstDelivery("hotline-service", event.eventId())) {
            return;
        }
        UUID id;
        try {
            id = UUID.fromString(event.originId());
        } catch (IllegalArgumentException e) {
            return; // not one of ours
        }
        orders.findByIdAndTownCodeIn(id, List.of(event.jurisdiction())).ifPresent(order ->
                order.noteSupervisionCompleted(event.ownerDepartment(), event.evidence() == null ? "" : event.evidence(),
                        event.occurredAt()));
    }

    // ---- jobs -----------------------------------------------------------------------------------------------

    /** Escalates overdue orders and reminds departments of orders about to expire; safe with several instances. */
    @Transactional
    public int checkDeadlines(int batch) {
        Instant now = clock.instant();
        LocalDate today = today(now);
        int acted = 0;
        for (UUID id : queue.lockOverdue(today, batch)) {
            WorkOrder order = orders.findById(id).orElseThrow();
            if (order.escalateIfOverdue(now)) {
                acted++;
                saved(order);
            }
        }
        LocalDate remindUntil = calendar.addWorkingDays(today, limits.remindBeforeDays());
        for (UUID id : queue.lockDueSoon(today, remindUntil, batch)) {
            WorkOrder order = orders.findById(id).orElseThrow();
            if (order.remindBeforeExpiry(now)) {
                acted++;
                saved(order);
            }
        }
        return acted;
    }

    // ---- internals ------------------------------------------------------------------------------------------

    private WorkOrder find(Caller caller, UUID id) {
        WorkOrder order = orders.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Work order", id));
        if (isDepartmentOnly(caller) && !java.util.Objects.equals(caller.department(), order.department())) {
            throw new NotFoundException("Work order", id);
        }
        return order;
    }

    private WorkOrder forAgent(Caller caller, UUID id) {
        caller.requireAnyRole(AGENTS);
        WorkOrder order = find(caller, id);
        if (order.isHeldByAnotherAgent(caller.subject(), clock.instant())) {
            throw new WorkOrderRuleViolation("held-by-another-agent",
                    "Work order " + id + " is being handled by " + order.leasedBy() + " until " + order.leaseUntil());
        }
        return order;
    }

    private WorkOrder forDepartment(Caller caller, UUID id) {
        caller.requireAnyRole(Roles.DEPARTMENT_HANDLER, Roles.DISTRICT_ADMIN);
        WorkOrder order = find(caller, id);
        if (!caller.hasRole(Roles.DISTRICT_ADMIN) && !java.util.Objects.equals(caller.department(), order.department())) {
            throw new NotFoundException("Work order", id);
        }
        return order;
    }

    private static boolean isDepartmentOnly(Caller caller) {
        return caller.hasRole(Roles.DEPARTMENT_HANDLER)
                && !caller.hasAnyRole(Roles.HOTLINE_AGENT, Roles.DISTRICT_ADMIN, Roles.TOWN_LEADER);
    }

    /** Saves the order, moves its figures in the rollups by what changed, and appends its events to the outbox. */
    private WorkOrderView saved(WorkOrder order) {
        orders.save(order);
        rollups.orderMoved(order.countedAs(), order.figures());
        order.figuresCounted();
        publish(order);
        return WorkOrderView.of(order);
    }

    private static LocalDate today(Instant now) {
        return now.atZone(WorkingDayCalendar.ZONE).toLocalDate();
    }

    /** Gapless per town and day, also under concurrent intake: the counter row is locked until commit. */
    private String nextNumber(String townCode, LocalDate day) {
        jdbc.sql("""
                INSERT INTO work_order_counter (town_code, day, last_seq) VALUES (?, ?, LAST_INSERT_ID(1))
                ON DUPLICATE KEY UPDATE last_seq = LAST_INSERT_ID(last_seq + 1)""")
                .params(townCode, day).update();
        long seq = jdbc.sql("SELECT LAST_INSERT_ID()").query(Long.class).single();
        return number(townCode, day, seq);
    }

    private static String number(String townCode, LocalDate day, long seq) {
        return townCode + "-" + day.format(DAY) + "-" + String.format("%05d", seq);
    }

    private void publish(WorkOrder order) {
        String key = order.id().toString();
        String town = order.townCode();
        for (WorkOrderEvent event : order.pullEvents()) {
            if (event instanceof WorkOrderEvent.Accepted a) {
                outbox.append(HotlineTopics.WORK_ORDER_EVENTS, key, WorkOrderCreated.TYPE, WorkOrderCreated.of(town,
                        order.id(), order.orderNumber(), order.orderType().name(), order.channel().name(),
                        order.category(), order.urgency().name(), order.dueDate(), a.occurredAt()));
            } else if (event instanceof WorkOrderEvent.Dispatched d) {
                outbox.append(HotlineTopics.WORK_ORDER_EVENTS, key, WorkOrderDispatched.TYPE,
                        WorkOrderDispatched.of(town, order.id(), d.department(), order.dueDate(), d.occurredAt()));
            } else if (event instanceof WorkOrderEvent.Replied r) {
                outbox.append(HotlineTopics.WORK_ORDER_EVENTS, key, WorkOrderReplied.TYPE,
                        WorkOrderReplied.of(town, order.id(), r.department(), r.onTime(), r.occurredAt()));
            } else if (event instanceof WorkOrderEvent.Closed c) {
                outbox.append(HotlineTopics.WORK_ORDER_EVENTS, key, WorkOrderClosed.TYPE, WorkOrderClosed.of(town,
                        order.id(), order.orderType().name(), c.satisfaction() == null ? null : c.satisfaction().name(),
                        c.onTime(), c.occurredAt()));
            } else if (event instanceof WorkOrderEvent.Reopened r) {
                outbox.append(HotlineTopics.WORK_ORDER_EVENTS, key, WorkOrderReopened.TYPE,
                        WorkOrderReopened.of(town, order.id(), r.reopenCount(), r.occurredAt()));
            } else if (event instanceof WorkOrderEvent.Escalated e) {
                outbox.append(HotlineTopics.WORK_ORDER_EVENTS, key, WorkOrderEscalated.TYPE, WorkOrderEscalated.of(town,
                        order.id(), e.department(), order.orderNumber(), order.dueDate(), e.occurredAt()));
            } else if (event instanceof WorkOrderEvent.Merged m) {
                outbox.append(HotlineTopics.WORK_ORDER_EVENTS, key, WorkOrderMerged.TYPE, WorkOrderMerged.of(town,
                        order.id(), m.into(), order.orderType().name(), order.acceptedAt(), m.occurredAt()));
            }
        }
    }
}
