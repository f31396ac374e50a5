package org.zhenwu.document.research;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhenwu.contracts.document.v1.DocumentTopics;
import org.zhenwu.contracts.document.v1.ResearchVisitReported;
import org.zhenwu.document.attachment.AttachmentService;
import org.zhenwu.document.attachment.AttachmentView;
import org.zhenwu.document.importing.AggregateRows;
import org.zhenwu.document.importing.DocumentImports;
import org.zhenwu.document.importing.ImportResult;
import org.zhenwu.document.supervision.Origin;
import org.zhenwu.document.supervision.SupervisionService;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.importing.ImportFile;
import org.zhenwu.platform.importing.ImportRejected;
import org.zhenwu.platform.importing.RowError;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.outbox.Outbox;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.platform.web.NotFoundException;

/**
 * 调研, the feature's public API. The office (clerks, leaders, the district) plans a visit, notes its findings and
 * writes the report; the report's matters become supervision tasks (督办) in the same transaction, and the report is
 * announced as {@code document.ResearchVisitReported}. Nobody sees another town's visits.
 */
@Service
public class ResearchService {
    private static final String[] OFFICE = {Roles.OFFICE_CLERK, Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN};

    private final ResearchRepository visits;
    private final SupervisionService supervision;
    private final AttachmentService attachments;
    private final Jurisdictions jurisdictions;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    @PersistenceContext
    private EntityManager entityManager;
    private final TransactionTemplate tx;
    private final Clock clock;

    ResearchService(ResearchRepository visits, SupervisionService supervision, AttachmentService attachments,
                    Jurisdictions jurisdictions, Outbox outbox, JdbcClient jdbc, PlatformTransactionManager transactions,
                    Clock clock) {
        this.visits = visits;
        this.supervision = supervision;
        this.attachments = attachments;
        this.jurisdictions = jurisdictions;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Transactional
    public ResearchView plan(Caller caller, String town, ResearchVisit.Plan plan) {
        caller.requireAnyRole(OFFICE);
        String townCode = jurisdictions.townForWrite(caller, town);
        return saved(ResearchVisit.plan(UUID.randomUUID(), townCode, plan, caller.subject(), clock.instant()));
    }

    /** 开展调研: the findings. */
    @Transactional
    public ResearchView conduct(Caller caller, UUID id, String findings) {
        caller.requireAnyRole(OFFICE);
        ResearchVisit v = find(caller, id);
        v.conduct(findings, caller.subject(), clock.instant());
        return saved(v);
    }

    /** 调研报告: the text, and a supervision task per matter it lists, all or nothing. */
    @Transactional
    public ResearchView report(Caller caller, UUID id, String report, List<SupervisionService.NewTask> matters) {
        caller.requireAnyRole(OFFICE);
        ResearchVisit v = find(caller, id);
        v.requireCanMoveTo(ResearchStatus.REPORTED);
        List<SupervisionService.NewTask> asked = matters == null ? List.of() : matters;
        List<UUID> ids = supervision.openAllFor(Origin.RESEARCH_VISIT, id.toString(), v.townCode(), asked.stream()
                .map(m -> new SupervisionService.NewTask(m.title(), m.requirement() != null ? m.requirement()
                        : "调研《" + v.topic() + "》发现的问题", m.ownerDepartment(), m.coDepartments(), m.deadline(),
                        m.deadlineWorkingDays())).toList(), "tasks", caller.subject());
        List<ResearchVisit.Task> opened = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            opened.add(new ResearchVisit.Task(asked.get(i).title(), asked.get(i).ownerDepartment(), ids.get(i)));
        }
        v.report(report, opened, caller.subject(), clock.instant());
        return saved(v);
    }

    @Transactional
    public ResearchView cancel(Caller caller, UUID id, String reason) {
        caller.requireAnyRole(OFFICE);
        ResearchVisit v = find(caller, id);
        v.cancel(reason, caller.subject(), clock.instant());
        return saved(v);
    }

    /** The report's file (调研报告 as Word or PDF), once the visit was conducted. */
    @Transactional
    public AttachmentView attachReport(Caller caller, UUID id, String fileName, String contentType, InputStream body) {
        caller.requireAnyRole(OFFICE);
        ResearchVisit v = find(caller, id);
        if (v.status() != ResearchStatus.CONDUCTED && v.status() != ResearchStatus.REPORTED) {
            throw new IllegalTransitionException("Research visit", id, v.status().name(), null,
                    "A report file is added once the visit was conducted; visit " + id + " is " + v.status());
        }
        return attachments.attach(id, v.townCode(), fileName, contentType, body, caller.subject());
    }

    @Transactional(readOnly = true)
    public ReportFile openReport(Caller caller, UUID id, UUID attachmentId) {
        caller.requireAnyRole(OFFICE);
        find(caller, id);
        AttachmentView a = attachments.get(id, attachmentId);
        return new ReportFile(a, attachments.open(a));
    }

    public record ReportFile(AttachmentView attachment, InputStream content) {
    }

    @Transactional(readOnly = true)
    public ResearchView get(Caller caller, UUID id) {
        caller.requireAnyRole(OFFICE);
        return ResearchView.of(find(caller, id), attachments.list(id));
    }

    /** Latest first. */
    @Transactional(readOnly = true)
    public Page<ResearchView.Summary> list(Caller caller, String town, int page, int size) {
        caller.requireAnyRole(OFFICE);
        return visits.findByTownCodeInOrderByStartDateDescIdAsc(jurisdictions.readScope(caller, town).codes(),
                PageRequest.of(page, size)).map(ResearchView.Summary::of);
    }

    /**
     * Brings in visits from the office's earlier registers (see {@link ResearchImport}), replayed through the state
     * machine; conducted ones count in the figures. All or nothing; rows whose source id the town already has are
     * skipped. No task is opened and nothing is announced: it is past.
     */
    public ImportResult importHistory(Caller caller, String town, ImportFile file) {
        caller.requireAnyRole(Roles.OFFICE_CLERK, Roles.DISTRICT_ADMIN);
        String townCode = jurisdictions.townForWrite(caller, town);
        List<ResearchImport.Row> rows = ResearchImport.rows(file);
        file.rejectIfInvalid();
        return tx.execute(s -> {
            int imported = 0;
            int skipped = 0;
            List<RowError> errors = new ArrayList<>();
            Set<String> known = DocumentImports.knownIn(jdbc, "research_visit", townCode,
                    rows.stream().map(ResearchImport.Row::sourceId).toList());
            List<ResearchVisit> fresh = new ArrayList<>();
            for (ResearchImport.Row row : rows) {
                if (!known.add(row.sourceId())) {
                    skipped++;
                    continue;
                }
                try {
                    fresh.add(replay(townCode, row, "import:" + caller.subject()));
                    imported++;
                } catch (InvalidFieldException e) {
                    errors.add(new RowError(row.line(), e.field(), e.getMessage()));
                }
            }
            if (!errors.isEmpty()) {
                throw new ImportRejected(errors);
            }
            AggregateRows.persist(entityManager, jdbc, fresh);
            return new ImportResult(imported, skipped);
        });
    }

    private static ResearchVisit replay(String town, ResearchImport.Row row, String actor) {
        Instant start = row.plan().startDate().atTime(LocalTime.of(9, 0)).atZone(WorkingDayCalendar.ZONE).toInstant();
        Instant end = row.plan().endDate().atTime(LocalTime.of(18, 0)).atZone(WorkingDayCalendar.ZONE).toInstant();
        ResearchVisit v = ResearchVisit.imported(UUID.randomUUID(), town, row.sourceId(), row.plan(), actor, start);
        if (row.status() == ResearchStatus.CANCELLED) {
            v.cancel(row.cancelReason(), actor, start);
            return v;
        }
        v.conduct(row.findings(), actor, end);
        if (row.status() == ResearchStatus.REPORTED) {
            v.report(row.report(), List.of(), actor, end);
            v.pullEvents();
        }
        return v;
    }

    private ResearchVisit find(Caller caller, UUID id) {
        return visits.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Research visit", id));
    }

    private ResearchView saved(ResearchVisit v) {
        List<ResearchVisit.Reported> events = v.pullEvents();
        ResearchVisit managed = visits.saveAndFlush(v);
        for (ResearchVisit.Reported e : events) {
            outbox.append(DocumentTopics.RESEARCH_EVENTS, managed.id().toString(), ResearchVisitReported.TYPE,
                    ResearchVisitReported.of(managed.townCode(), managed.id(), managed.topic(), managed.method().name(),
                            managed.leaders(), managed.startDate(), managed.endDate(), managed.places(),
                            managed.tasks().stream().map(ResearchVisitTask::taskId).toList(), e.occurredAt()));
        }
        return ResearchView.of(managed, attachments.list(managed.id()));
    }
}
