package org.zhenwu.document.supervision;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.contracts.congress.v1.SuggestionAssigned;
import org.zhenwu.contracts.document.v1.DocumentTopics;
import org.zhenwu.contracts.document.v1.SupervisionCompleted;
import org.zhenwu.contracts.hotline.v1.WorkOrderEscalated;
import org.zhenwu.document.attachment.AttachmentService;
import org.zhenwu.document.attachment.AttachmentView;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.inbox.Inbox;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.outbox.Outbox;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.ForbiddenException;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.platform.web.NotFoundException;

/**
 * 督办. Tasks are opened by a leader's 批示 (from the 收文 feature), by hand (meeting decisions), and by other services'
 * events: a congress suggestion assigned to a unit, a 12345 work order escalated. The owner department takes the task
 * on and reports it done with evidence; the office accepts it, and {@code document.SupervisionCompleted} tells the
 * originating service. A job reminds before the deadline and escalates overdue tasks, safely on several instances.
 */
@Service
public class SupervisionService {
    static final String CONSUMER = "document-service.supervision";
    private static final Logger log = LoggerFactory.getLogger(SupervisionService.class);
    private static final String[] OFFICE = {Roles.OFFICE_CLERK, Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN};
    private static final Set<SupervisionStatus> OPEN = Set.of(SupervisionStatus.ASSIGNED, SupervisionStatus.IN_PROGRESS,
            SupervisionStatus.SUBMITTED);

    private final SupervisionRepository tasks;
    private final AttachmentService attachments;
    private final Jurisdictions jurisdictions;
    private final WorkingDayCalendar calendar;
    private final SupervisionProperties properties;
    private final Inbox inbox;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final Clock clock;

    SupervisionService(SupervisionRepository tasks, AttachmentService attachments, Jurisdictions jurisdictions,
                       WorkingDayCalendar calendar, SupervisionProperties properties, Inbox inbox, Outbox outbox,
                       JdbcClient jdbc, Clock clock) {
        this.tasks = tasks;
        this.attachments = attachments;
        this.jurisdictions = jurisdictions;
        this.calendar = calendar;
        this.properties = properties;
        this.inbox = inbox;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ---- opening -------------------------------------------------------------------------------------------

    /** By hand (meeting decisions, a leader's oral instruction). The deadline is a date or working days from today. */
    @Transactional
    public SupervisionView open(Caller caller, String town, String title, String requirement, String owner,
                                List<String> coDepartments, LocalDate deadline, Integer workingDays) {
        caller.requireAnyRole(OFFICE);
        String townCode = jurisdictions.townForWrite(caller, town);
        LocalDate due = deadline(deadline, workingDays);
        SupervisionTask t = SupervisionTask.open(UUID.randomUUID(), townCode, Origin.MANUAL, null,
                new SupervisionTask.Assignment(title, requirement, owner, coDepartments, due), caller.subject(), clock.instant());
        return saved(t);
    }

    /** A leader's 批示 asked for supervision; runs in the 收文 feature's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public UUID openForInstruction(String town, UUID documentId, String title, String instruction, String owner,
                                   List<String> coDepartments, LocalDate deadline, String leader) {
        SupervisionTask t = SupervisionTask.open(UUID.randomUUID(), town, Origin.LEADER_INSTRUCTION, documentId.toString(),
                new SupervisionTask.Assignment(title, instruction, owner, coDepartments, deadline), leader, clock.instant());
        saved(t);
        return t.id();
    }

    /**
     * Another feature of this service opens tasks in its own transaction: a meeting's decisions (议定事项), the matters
     * a research visit found. Each deadline is a date or working days from today, as by hand; a bad one is refused
     * naming the item, e.g. {@code decisions[1].deadline}. Returns the tasks' ids in the order given.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<UUID> openAllFor(Origin origin, String originId, String town, List<NewTask> newTasks, String field,
                                 String by) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < newTasks.size(); i++) {
            NewTask task = newTasks.get(i);
            SupervisionTask t;
            try {
                t = SupervisionTask.open(UUID.randomUUID(), town, origin, originId,
                        new SupervisionTask.Assignment(task.title(), task.requirement(), task.ownerDepartment(),
                                task.coDepartments(), deadline(task.deadline(), task.deadlineWorkingDays())),
                        by, clock.instant());
            } catch (InvalidFieldException e) {
                throw new InvalidFieldException(field + "[" + i + "]." + e.field(), e.getMessage());
            }
            saved(t);
            ids.add(t.id());
        }
        return ids;
    }

    /** What another feature asks to supervise: the deadline is a date or working days from today, not both. */
    public record NewTask(String title, String requirement, String ownerDepartment, List<String> coDepartments,
                          LocalDate deadline, Integer deadlineWorkingDays) {
    }

    /** congress-service assigned a suggestion: one task per suggestion; a new assignment moves the open task. */
    @Transactional
    public void onSuggestionAssigned(SuggestionAssigned event) {
        if (!inbox.firstDelivery(CONSUMER, event.eventId())) {
            return;
        }
        String originId = event.suggestionId().toString();
        Optional<SupervisionTask> existing = tasks.findFirstByOriginAndOriginIdAndStatusIn(Origin.CONGRESS_SUGGESTION,
                originId, OPEN);
        if (existing.isPresent()) {
            existing.get().reassign(event.leadUnit(), event.coUnits(), event.replyDue(), "congress-service", event.occurredAt());
            saved(existing.get());
            return;
        }
        String title = "代表建议督办: " + (event.title() == null ? "" : event.title())
                + (event.session() == null ? "" : " (" + event.session() + " 第" + event.registrationNumber() + "号)");
        SupervisionTask t = SupervisionTask.open(UUID.randomUUID(), event.jurisdiction(), Origin.CONGRESS_SUGGESTION,
                originId, new SupervisionTask.Assignment(truncate(title, 300), "领衔代表: " + String.join("、", event.deputies()),
                        event.leadUnit(), event.coUnits(), event.replyDue()), "congress-service", event.occurredAt());
        saved(t);
    }

    /** hotline-service escalated an overdue work order: supervised for the configured working days. */
    @Transactional
    public void onWorkOrderEscalated(WorkOrderEscalated event) {
        if (!inbox.firstDelivery(CONSUMER, event.eventId())) {
            return;
        }
        String originId = event.workOrderId().toString();
        if (tasks.findFirstByOriginAndOriginIdAndStatusIn(Origin.HOTLINE_ESCALATION, originId, OPEN).isPresent()) {
            return;
        }
        LocalDate due = calendar.addWorkingDays(event.occurredAt(), properties.hotlineDays());
        SupervisionTask t = SupervisionTask.open(UUID.randomUUID(), event.jurisdiction(), Origin.HOTLINE_ESCALATION, originId,
                new SupervisionTask.Assignment("12345工单超期督办: " + event.orderNumber(),
                        "工单办理期限 " + event.dueDate() + " 已过", event.department() == null ? "12345热线办" : event.department(),
                        List.of(), due), "hotline-service", event.occurredAt());
        saved(t);
    }

    // ---- the owner department ------------------------------------------------------------------------------

    @Transactional
    public SupervisionView accept(Caller caller, UUID id) {
        SupervisionTask t = find(caller, id);
        requireOwner(caller, t);
        t.accept(caller.subject(), clock.instant());
        return saved(t);
    }

    @Transactional
    public SupervisionView submitEvidence(Caller caller, UUID id, String evidence) {
        SupervisionTask t = find(caller, id);
        requireOwner(caller, t);
        t.submitEvidence(evidence, caller.subject(), clock.instant());
        return saved(t);
    }

    @Transactional
    public AttachmentView attachEvidence(Caller caller, UUID id, String fileName, String contentType, InputStream content) {
        SupervisionTask t = find(caller, id);
        requireOwner(caller, t);
        if (!t.status().open()) {
            throw new org.zhenwu.platform.web.IllegalTransitionException("Supervision task", id, t.status().name(), null,
                    "Evidence is added while the task is open");
        }
        return attachments.attach(id, t.townCode(), fileName, contentType, content, caller.subject());
    }

    @Transactional(readOnly = true)
    public EvidenceFile openEvidence(Caller caller, UUID id, UUID attachmentId) {
        find(caller, id);
        AttachmentView a = attachments.get(id, attachmentId);
        return new EvidenceFile(a, attachments.open(a));
    }

    public record EvidenceFile(AttachmentView attachment, InputStream content) {
    }

    // ---- the office ----------------------------------------------------------------------------------------

    /** The office accepts the evidence: the task is done, and its origin hears of it. */
    @Transactional
    public SupervisionView complete(Caller caller, UUID id) {
        SupervisionTask t = find(caller, id);
        caller.requireAnyRole(OFFICE);
        t.complete(caller.subject(), clock.instant());
        return saved(t);
    }

    @Transactional
    public SupervisionView rejectEvidence(Caller caller, UUID id, String reason) {
        SupervisionTask t = find(caller, id);
        caller.requireAnyRole(OFFICE);
        t.rejectEvidence(reason, caller.subject(), clock.instant());
        return saved(t);
    }

    @Transactional
    public SupervisionView urge(Caller caller, UUID id, String note) {
        SupervisionTask t = find(caller, id);
        caller.requireAnyRole(OFFICE);
        t.urge(note, caller.subject(), clock.instant());
        return saved(t);
    }

    @Transactional
    public SupervisionView cancel(Caller caller, UUID id, String reason) {
        SupervisionTask t = find(caller, id);
        caller.requireAnyRole(OFFICE);
        t.cancel(reason, caller.subject(), clock.instant());
        return saved(t);
    }

    // ---- reading -------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public SupervisionView get(Caller caller, UUID id) {
        SupervisionTask t = find(caller, id);
        return SupervisionView.withTrail(t, today(), attachments.list(id));
    }

    /** The office, leaders and the district see their towns' tasks; a department its own and those it assists. */
    @Transactional(readOnly = true)
    public Page<SupervisionView> list(Caller caller, String town, SupervisionStatus status, Boolean overdue,
                                      Origin origin, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("towns", jurisdictions.readScope(caller, town).codes());
        StringBuilder where = new StringBuilder("town_code IN (:towns)");
        if (!caller.hasAnyRole(OFFICE)) {
            where.append(" AND (owner_department = :dept OR CONCAT('、', co_departments, '、') LIKE CONCAT('%、', :dept, '、%'))");
            params.put("dept", caller.department() == null ? "" : caller.department());
        }
        if (status != null) {
            where.append(" AND status = :status");
            params.put("status", status.name());
        }
        if (origin != null) {
            where.append(" AND origin = :origin");
            params.put("origin", origin.name());
        }
        if (Boolean.TRUE.equals(overdue)) {
            where.append(" AND status IN ('ASSIGNED', 'IN_PROGRESS', 'SUBMITTED') AND deadline < :today");
            params.put("today", today());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM supervision_task WHERE " + where).params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", page * size);
        List<UUID> ids = jdbc.sql("SELECT id FROM supervision_task WHERE " + where
                        + " ORDER BY deadline, id LIMIT :limit OFFSET :offset").params(params)
                .query(String.class).list().stream().map(UUID::fromString).toList();
        LocalDate today = today();
        Map<UUID, SupervisionTask> byId = new HashMap<>();
        tasks.findAllById(ids).forEach(t -> byId.put(t.id(), t));
        return new PageImpl<>(ids.stream().map(byId::get).map(t -> SupervisionView.of(t, today)).toList(),
                PageRequest.of(page, size), total);
    }

    // ---- the deadline job ----------------------------------------------------------------------------------

    /**
     * Reminds tasks near their deadline and escalates overdue ones. Rows are claimed {@code FOR UPDATE SKIP LOCKED},
     * so instances running the job at once share the work instead of doing it twice; the flags make a second look
     * harmless. Returns how many tasks it acted on.
     */
    @Transactional
    public int checkDeadlines(int limit) {
        LocalDate today = today();
        Instant now = clock.instant();
        int acted = 0;
        for (String id : jdbc.sql("""
                SELECT id FROM supervision_task WHERE status IN ('ASSIGNED', 'IN_PROGRESS') AND escalated = FALSE
                AND deadline < ? ORDER BY deadline, id LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(today, limit).query(String.class).list()) {
            SupervisionTask t = tasks.findById(UUID.fromString(id)).orElseThrow();
            if (t.escalateIfOverdue(today, now)) {
                saved(t);
                acted++;
            }
        }
        LocalDate horizon = calendar.addWorkingDays(today, properties.remindBeforeDays());
        for (String id : jdbc.sql("""
                SELECT id FROM supervision_task WHERE status IN ('ASSIGNED', 'IN_PROGRESS') AND reminded_before_expiry = FALSE
                AND deadline BETWEEN ? AND ? ORDER BY deadline, id LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(today, horizon, limit).query(String.class).list()) {
            SupervisionTask t = tasks.findById(UUID.fromString(id)).orElseThrow();
            if (t.remindBeforeExpiry(today, calendar.addWorkingDays(t.deadline(), -properties.remindBeforeDays()), now)) {
                saved(t);
                acted++;
            }
        }
        return acted;
    }

    // ---- internals -----------------------------------------------------------------------------------------

    private SupervisionTask find(Caller caller, UUID id) {
        SupervisionTask t = tasks.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Supervision task", id));
        if (!caller.hasAnyRole(OFFICE) && !t.involves(caller.department())) {
            throw new NotFoundException("Supervision task", id);
        }
        return t;
    }

    private static void requireOwner(Caller caller, SupervisionTask t) {
        caller.requireAnyRole(Roles.DEPARTMENT_HANDLER);
        if (!t.ownerDepartment().equals(caller.department())) {
            throw new ForbiddenException("Only the owner department (" + t.ownerDepartment() + ") may do this");
        }
    }

    private LocalDate deadline(LocalDate date, Integer workingDays) {
        if (date != null && workingDays != null) {
            throw new InvalidFieldException("deadline", "give a date or a number of working days, not both");
        }
        LocalDate due = workingDays != null ? calendar.addWorkingDays(today(), workingDays) : date;
        if (due == null) {
            throw new InvalidFieldException("deadline", "a supervision task has a deadline (a date or deadlineWorkingDays)");
        }
        if (due.isBefore(today())) {
            throw new InvalidFieldException("deadline", "is in the past");
        }
        return due;
    }

    private SupervisionView saved(SupervisionTask t) {
        tasks.save(t);
        for (SupervisionEvent e : t.pullEvents()) {
            if (e instanceof SupervisionEvent.Completed c) {
                outbox.append(DocumentTopics.SUPERVISION_EVENTS, t.id().toString(), SupervisionCompleted.TYPE,
                        SupervisionCompleted.of(t.townCode(), t.id(), t.origin().wireName(), t.originId(), t.title(),
                                t.ownerDepartment(), t.deadline(), c.completedOn(), c.onTime(), t.evidence(), c.occurredAt()));
            } else if (e instanceof SupervisionEvent.Escalated x) {
                log.info("Supervision task {} of {} is overdue (deadline {}): escalated", t.id(), t.ownerDepartment(), x.deadline());
            }
        }
        return SupervisionView.of(t, today());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
