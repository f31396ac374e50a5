package org.zhenwu.document.incoming;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntUnaryOperator;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhenwu.document.access.DocumentAccess;
import org.zhenwu.document.access.Need;
import org.zhenwu.document.access.ReadAction;
import org.zhenwu.document.access.ReadContext;
import org.zhenwu.document.attachment.AttachmentService;
import org.zhenwu.document.attachment.AttachmentView;
import org.zhenwu.document.element.DocumentElements;
import org.zhenwu.document.element.DocumentKind;
import org.zhenwu.document.element.ElementsRequest;
import org.zhenwu.document.element.SecrecyLevel;
import org.zhenwu.document.element.SecrecyRules;
import org.zhenwu.document.importing.AggregateRows;
import org.zhenwu.document.importing.DocumentImports;
import org.zhenwu.document.importing.ImportResult;
import org.zhenwu.document.numbering.SequenceCounter;
import org.zhenwu.document.supervision.SupervisionService;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.importing.ImportFile;
import org.zhenwu.platform.importing.ImportRejected;
import org.zhenwu.platform.importing.RowError;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.ForbiddenException;
import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.platform.web.NotFoundException;

/**
 * The 收文 feature's public API. The office (党政办) signs documents in, registers, screens, proposes, circulates,
 * presses and archives; the named leader gives the 批示; the 主办 department handles and answers, 协办 departments
 * give their views; readers confirm they have read. Nobody sees another town, and a classified document exists only
 * for those with clearance and a need.
 */
@Service
public class IncomingDocumentService {
    static final String[] OFFICE = {Roles.OFFICE_CLERK, Roles.DISTRICT_ADMIN};
    /** The district OA platform's own identity when it pushes documents. */
    public static final String OA_INTAKE = "OA_INTAKE";

    private final IncomingRepository documents;
    private final DocumentAccess access;
    private final AttachmentService attachments;
    private final SequenceCounter counter;
    private final SupervisionService supervision;
    private final Jurisdictions jurisdictions;
    private final WorkingDayCalendar calendar;
    private final SecrecyRules secrecy;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    /** Imports {@code persist} their new aggregates: a repository's {@code save} of an entity with an assigned id
     *  is a {@code merge}, which first SELECTs the row (one query per imported row, for nothing). */
    @PersistenceContext
    private EntityManager entityManager;

    IncomingDocumentService(IncomingRepository documents, DocumentAccess access, AttachmentService attachments,
                            SequenceCounter counter, SupervisionService supervision, Jurisdictions jurisdictions,
                            WorkingDayCalendar calendar,
                            SecrecyRules secrecy, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.documents = documents;
        this.access = access;
        this.attachments = attachments;
        this.counter = counter;
        this.supervision = supervision;
        this.jurisdictions = jurisdictions;
        this.calendar = calendar;
        this.secrecy = secrecy;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** What arrives with a document besides its elements. */
    public record ArrivalRequest(DocumentKind kind, IncomingChannel channel, String sender, String originalNumber,
                                 Integer copies, LocalDate deadline) {
    }

    // ---- the office ----------------------------------------------------------------------------------------

    /** 签收 of a document brought in by hand, 机要交换, telegraph, fax, mail or forwarded by an upper body. */
    @Transactional
    public IncomingView receive(Caller caller, String town, ArrivalRequest arrival, ElementsRequest elements) {
        caller.requireAnyRole(OFFICE);
        String townCode = jurisdictions.townForWrite(caller, town);
        DocumentKind kind = arrival.kind() == null ? DocumentKind.DOCUMENT : arrival.kind();
        IncomingDocument d = IncomingDocument.receive(UUID.randomUUID(), townCode, cleared(caller, elementsOf(elements, kind)),
                new IncomingDocument.Arrival(kind, arrival.channel(), arrival.sender(), arrival.originalNumber(),
                        arrival.copies() == null ? 1 : arrival.copies(), arrival.deadline(), null),
                caller.subject(), clock.instant());
        return saved(d);
    }

    /**
     * A document pushed by the district OA platform: signed in electronically (one copy), once per {@code externalId};
     * a repeat of the same push returns the document already taken in.
     */
    @Transactional
    public IntakeResult intakeFromOa(Caller caller, String town, String externalId, ArrivalRequest arrival,
                                     ElementsRequest elements) {
        caller.requireAnyRole(OA_INTAKE, Roles.DISTRICT_ADMIN, Roles.OFFICE_CLERK);
        String townCode = jurisdictions.townForWrite(caller, town);
        Optional<IncomingDocument> known = documents.findByTownCodeAndChannelAndExternalId(townCode,
                IncomingChannel.DISTRICT_OA, externalId);
        if (known.isPresent()) {
            return new IntakeResult(IncomingView.of(known.get()), false);
        }
        DocumentKind kind = arrival.kind() == null ? DocumentKind.DOCUMENT : arrival.kind();
        if (elements.secrecyLevel() != null && elements.secrecyLevel().classified()) {
            throw new InvalidFieldException("elements.secrecyLevel",
                    "the OA platform carries no classified documents; they travel by 机要交换");
        }
        IncomingDocument d = IncomingDocument.receive(UUID.randomUUID(), townCode, cleared(caller, elementsOf(elements, kind)),
                new IncomingDocument.Arrival(kind, IncomingChannel.DISTRICT_OA, arrival.sender(), arrival.originalNumber(),
                        1, arrival.deadline(), externalId), caller.subject(), clock.instant());
        return new IntakeResult(saved(d), true);
    }

    public record IntakeResult(IncomingView document, boolean created) {
    }

    /** For the OA platform: what became of a document it pushed. */
    @Transactional(readOnly = true)
    public IncomingView.IntakeStatus oaStatus(Caller caller, String town, String externalId) {
        caller.requireAnyRole(OA_INTAKE, Roles.DISTRICT_ADMIN, Roles.OFFICE_CLERK);
        String townCode = jurisdictions.townForWrite(caller, town);
        IncomingDocument d = documents.findByTownCodeAndChannelAndExternalId(townCode, IncomingChannel.DISTRICT_OA, externalId)
                .orElseThrow(() -> new NotFoundException("OA document", externalId));
        return new IncomingView.IntakeStatus(d.id(), d.status(), d.registerNumber(), d.returnReason());
    }

    /** Corrections to the elements before 初审. */
    @Transactional
    public IncomingView correct(Caller caller, UUID id, ElementsRequest elements) {
        IncomingDocument d = find(caller, id);
        caller.requireAnyRole(OFFICE);
        d.correct(cleared(caller, elementsOf(elements, d.kind())), caller.subject(), clock.instant());
        return saved(d);
    }

    /** 登记 with the next number of the town's 收文 register (gap-free, like 发文字号). */
    public IncomingView register(Caller caller, UUID id) {
        String town = tx.execute(s -> {
            IncomingDocument d = find(caller, id);
            caller.requireAnyRole(OFFICE);
            if (!d.status().canMoveTo(IncomingStatus.REGISTERED)) {
                throw new IllegalTransitionException("Incoming document", id, d.status(), IncomingStatus.REGISTERED);
            }
            return d.townCode();
        });
        int year = today().getYear();
        counter.prepare(registerScope(town), year, town, "town");
        return tx.execute(s -> {
            IncomingDocument d = find(caller, id);
            d.register(year, counter.next(registerScope(town), year), caller.subject(), clock.instant());
            return saved(d);
        });
    }

    /** 初审 passed: {@code READ} (阅知, with its readers) or {@code ACTION} (批办). */
    @Transactional
    public IncomingView screen(Caller caller, UUID id, HandlingMode mode, List<String> readers) {
        IncomingDocument d = find(caller, id);
        caller.requireAnyRole(OFFICE);
        d.screen(mode, readers, caller.subject(), clock.instant());
        return saved(d);
    }

    /** 初审: returned to the sender with the reason. */
    @Transactional
    public IncomingView returnToSender(Caller caller, UUID id, String reason) {
        IncomingDocument d = find(caller, id);
        caller.requireAnyRole(OFFICE);
        d.returnToSender(reason, caller.subject(), clock.instant());
        return saved(d);
    }

    /** 拟办: the office's proposal, to the leader who decides. */
    @Transactional
    public IncomingView propose(Caller caller, UUID id, String proposal, String leader) {
        IncomingDocument d = find(caller, id);
        caller.requireAnyRole(OFFICE);
        d.propose(proposal, leader, caller.subject(), clock.instant());
        return saved(d);
    }

    /** 催办 of the 主办 department. */
    @Transactional
    public IncomingView urge(Caller caller, UUID id, String note) {
        IncomingDocument d = find(caller, id);
        caller.requireAnyRole(OFFICE);
        d.urge(note, caller.subject(), clock.instant());
        return saved(d);
    }

    /** Puts people on the 传阅 list. */
    @Transactional
    public IncomingView addReaders(Caller caller, UUID id, List<String> readers) {
        IncomingDocument d = find(caller, id);
        caller.requireAnyRole(OFFICE);
        d.addReaders(readers, caller.subject(), clock.instant());
        return saved(d);
    }

    /** Passes a copy on: by its holder, or by the office. */
    @Transactional
    public IncomingView handOver(Caller caller, UUID id, int copyNo, String to) {
        IncomingDocument d = find(caller, id);
        d.handOver(copyNo, to.strip(), caller.subject(), caller.hasAnyRole(OFFICE), clock.instant());
        return saved(d);
    }

    /** A reader confirms they read it. */
    @Transactional
    public IncomingView confirmRead(Caller caller, UUID id, String comment) {
        IncomingDocument d = find(caller, id);
        d.confirmRead(caller.subject(), comment, clock.instant());
        return saved(d);
    }

    /** 阅知 done: everyone read it and every copy is back. */
    @Transactional
    public IncomingView finishReading(Caller caller, UUID id) {
        IncomingDocument d = find(caller, id);
        caller.requireAnyRole(OFFICE);
        d.finishReading(caller.subject(), clock.instant());
        return saved(d);
    }

    /** A petition letter's result reported back to the body that forwarded it. */
    @Transactional
    public IncomingView reportResult(Caller caller, UUID id, String to) {
        IncomingDocument d = find(caller, id);
        caller.requireAnyRole(OFFICE);
        d.reportResult(to == null || to.isBlank() ? d.sender() : to.strip(), caller.subject(), clock.instant());
        return saved(d);
    }

    /** 归档. */
    @Transactional
    public IncomingView archive(Caller caller, UUID id) {
        IncomingDocument d = find(caller, id);
        caller.requireAnyRole(OFFICE);
        d.archive(caller.subject(), clock.instant());
        return saved(d);
    }

    // ---- the leader ----------------------------------------------------------------------------------------

    /**
     * 批示 by the leader the office asked. The deadline is a date or a number of working days from today.
     * {@code supervise} opens a 督办 task for the 主办 department.
     */
    @Transactional
    public IncomingView instruct(Caller caller, UUID id, Instruction instruction) {
        IncomingDocument d = find(caller, id);
        requireLeader(caller, d);
        if (instruction.deadline() != null && instruction.deadlineWorkingDays() != null) {
            throw new InvalidFieldException("deadline", "give a date or a number of working days, not both");
        }
        LocalDate due = instruction.deadlineWorkingDays() != null
                ? calendar.addWorkingDays(today(), instruction.deadlineWorkingDays()) : instruction.deadline();
        if (due != null && due.isBefore(today())) {
            throw new InvalidFieldException("deadline", "is in the past");
        }
        d.instruct(instruction.text(), instruction.leadDepartment().strip(), instruction.coDepartments(), due,
                instruction.supervise(), caller.subject(), clock.instant());
        return saved(d);
    }

    /** What a leader writes in a 批示. */
    public record Instruction(String text, String leadDepartment, List<String> coDepartments, LocalDate deadline,
                              Integer deadlineWorkingDays, boolean supervise) {
    }

    /** The leader sends it back for another 拟办. */
    @Transactional
    public IncomingView sendBackForProposal(Caller caller, UUID id, String reason) {
        IncomingDocument d = find(caller, id);
        requireLeader(caller, d);
        d.sendBackForProposal(reason, caller.subject(), clock.instant());
        return saved(d);
    }

    // ---- the departments -----------------------------------------------------------------------------------

    /** The 主办 department takes it on. */
    @Transactional
    public IncomingView accept(Caller caller, UUID id) {
        IncomingDocument d = find(caller, id);
        requireLeadDepartment(caller, d);
        d.accept(caller.subject(), clock.instant());
        return saved(d);
    }

    /** The 主办 department says it is not its remit. */
    @Transactional
    public IncomingView decline(Caller caller, UUID id, String reason) {
        IncomingDocument d = find(caller, id);
        requireLeadDepartment(caller, d);
        d.decline(reason, caller.subject(), clock.instant());
        return saved(d);
    }

    /** 办结/答复 by the 主办 department. */
    @Transactional
    public IncomingView complete(Caller caller, UUID id, String result) {
        IncomingDocument d = find(caller, id);
        requireLeadDepartment(caller, d);
        d.complete(result, caller.subject(), clock.instant());
        return saved(d);
    }

    /** A 协办 department's view. */
    @Transactional
    public IncomingView giveCoView(Caller caller, UUID id, String view) {
        IncomingDocument d = find(caller, id);
        caller.requireAnyRole(Roles.DEPARTMENT_HANDLER);
        if (caller.department() == null || !d.coDepartmentNames().contains(caller.department())) {
            throw new ForbiddenException("Only a 协办 department's handlers give its view");
        }
        d.giveCoView(caller.department(), view, caller.subject(), clock.instant());
        return saved(d);
    }

    // ---- historical import ---------------------------------------------------------------------------------

    /**
     * Brings in documents received in an earlier system: each row is replayed through the workflow with its own times
     * and gets the next number of the town's 收文 register of its year. All or nothing; rows whose source id this town
     * already has are skipped, so a file can be sent again.
     */
    public ImportResult importHistory(Caller caller, String town, ImportFile file) {
        caller.requireAnyRole(OFFICE);
        String townCode = jurisdictions.townForWrite(caller, town);
        List<IncomingImport.Row> rows = IncomingImport.rows(file, secrecy);
        List<RowError> errors = new ArrayList<>(file.errors());
        Set<Integer> years = new HashSet<>();
        for (IncomingImport.Row row : rows) {
            if (!caller.clearance().covers(row.elements().secrecyLevel().requiredClearance())) {
                errors.add(new RowError(row.line(), "secrecyLevel", "is above your clearance"));
            }
            if (row.status() != IncomingStatus.RECEIVED) {
                years.add(row.receivedAt().atZone(WorkingDayCalendar.ZONE).getYear());
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejected(errors);
        }
        years.forEach(y -> counter.prepare(registerScope(townCode), y, townCode, "town"));
        return tx.execute(status -> {
            Set<String> known = DocumentImports.known(rows.stream().map(IncomingImport.Row::sourceId).toList(),
                    ids -> documents.knownSourceIds(townCode, ids));
            List<IncomingImport.Row> fresh = rows.stream().filter(r -> known.add(r.sourceId())).toList();
            IntUnaryOperator numbers = DocumentImports.numbers(
                    fresh.stream().filter(r -> r.status() != IncomingStatus.RECEIVED).toList(),
                    IncomingDocumentService::yearOf, (year, n) -> counter.reserve(registerScope(townCode), year, n));
            List<IncomingDocument> imported = new ArrayList<>();
            for (IncomingImport.Row row : fresh) {
                try {
                    Integer number = row.status() == IncomingStatus.RECEIVED ? null
                            : numbers.applyAsInt(yearOf(row));
                    imported.add(replay(caller, townCode, row, number));
                } catch (InvalidFieldException e) {
                    errors.add(new RowError(row.line(), e.field(), e.getMessage()));
                } catch (RuntimeException e) {
                    errors.add(new RowError(row.line(), "status", e.getMessage()));
                }
            }
            if (!errors.isEmpty()) {
                throw new ImportRejected(errors);
            }
            savedNew(imported);
            return new ImportResult(imported.size(), rows.size() - fresh.size());
        });
    }

    private static int yearOf(IncomingImport.Row row) {
        return row.receivedAt().atZone(WorkingDayCalendar.ZONE).getYear();
    }

    private IncomingDocument replay(Caller caller, String town, IncomingImport.Row row, Integer registerNumber) {
        String actor = caller.subject();
        IncomingDocument d = IncomingDocument.receive(UUID.randomUUID(), town, row.elements(),
                new IncomingDocument.Arrival(row.kind(), row.channel(), row.sender(), row.originalNumber(), row.copies(),
                        row.deadline(), null), actor, row.receivedAt());
        d.imported(row.sourceId());
        if (row.status() == IncomingStatus.RECEIVED) {
            return d;
        }
        d.register(yearOf(row), registerNumber, actor, row.receivedAt());
        if (row.status() == IncomingStatus.REGISTERED) {
            return d;
        }
        String leader = row.leader() != null ? row.leader() : actor;
        d.screen(HandlingMode.ACTION, null, actor, row.receivedAt());
        d.propose("历史导入", leader, actor, row.receivedAt());
        d.instruct(row.instruction() != null ? row.instruction() : "历史导入", row.leadDepartment(), List.of(),
                row.deadline(), false, leader, row.receivedAt());
        d.accept(actor, row.receivedAt());
        d.complete(row.result(), actor, row.completedAt());
        if (row.resultReportedAt() != null && row.kind() == DocumentKind.PETITION) {
            d.reportResult(row.sender(), actor, row.resultReportedAt());
        }
        if (row.status() == IncomingStatus.ARCHIVED) {
            d.archive(actor, row.archivedAt() != null ? row.archivedAt()
                    : row.resultReportedAt() != null ? row.resultReportedAt() : row.completedAt());
        }
        return d;
    }

    // ---- attachments ---------------------------------------------------------------------------------------

    @Transactional
    public AttachmentView attach(Caller caller, UUID id, String fileName, String contentType, InputStream content) {
        IncomingDocument d = find(caller, id);
        caller.requireAnyRole(OFFICE);
        if (d.status() == IncomingStatus.ARCHIVED || d.status() == IncomingStatus.RETURNED) {
            throw new IllegalTransitionException("Incoming document", id, d.status().name(), null,
                    "An archived or returned document takes no more attachments");
        }
        return attachments.attach(id, d.townCode(), fileName, contentType, content, caller.subject());
    }

    @Transactional
    public AttachmentContent openAttachment(Caller caller, UUID id, UUID attachmentId, ReadContext context) {
        IncomingDocument d = findForReading(caller, id, ReadAction.DOWNLOAD, attachmentId.toString(), context);
        AttachmentView a = attachments.get(id, attachmentId);
        access.logRead(caller, id, d.elements().secrecyLevel(), ReadAction.DOWNLOAD, a.fileName(), context);
        return new AttachmentContent(a, d.elements().secrecyLevel(), attachments.open(a));
    }

    public record AttachmentContent(AttachmentView attachment, SecrecyLevel secrecyLevel, InputStream content) {
    }

    // ---- reading -------------------------------------------------------------------------------------------

    /** The whole document, its 传阅 state and history; a classified one's read is logged. */
    @Transactional
    public IncomingView get(Caller caller, UUID id, ReadContext context) {
        IncomingDocument d = findForReading(caller, id, ReadAction.VIEW, null, context);
        access.logRead(caller, id, d.elements().secrecyLevel(), ReadAction.VIEW, null, context);
        return IncomingView.withTrail(d, attachments.list(id));
    }

    /** The inbox: newest first, only what the caller may read is listed or counted. */
    @Transactional(readOnly = true)
    public Page<IncomingView.Summary> list(Caller caller, String town, IncomingStatus status, DocumentKind kind,
                                           int page, int size) {
        Map<String, Object> params = new HashMap<>(DocumentAccess.visibleParams(caller));
        params.put("towns", jurisdictions.readScope(caller, town).codes());
        StringBuilder where = new StringBuilder("d.town_code IN (:towns) AND ").append(DocumentAccess.visibleSql("d"));
        if (status != null) {
            where.append(" AND d.status = :status");
            params.put("status", status.name());
        }
        if (kind != null) {
            where.append(" AND d.kind = :kind");
            params.put("kind", kind.name());
        }
        params.put("countCap", DocumentAccess.COUNT_CAP + 1);
        long total = jdbc.sql(listCountSql(where.toString()))
                .params(params).query(Long.class).single();
        params.put("limit", size);
        params.put("offset", page * size);
        List<IncomingView.Summary> items = jdbc.sql(listPageSql(where.toString()))
                .params(params)
                .query((rs, i) -> new IncomingView.Summary(UUID.fromString(rs.getString("id")), rs.getString("town_code"),
                        DocumentKind.valueOf(rs.getString("kind")), IncomingStatus.valueOf(rs.getString("status")),
                        rs.getString("document_type"), rs.getString("title"), rs.getString("secrecy_level"),
                        rs.getString("urgency"), rs.getString("sender"), rs.getString("original_number"),
                        rs.getObject("register_sequence") == null ? null
                                : "收文〔" + rs.getInt("register_year") + "〕" + rs.getInt("register_sequence") + "号",
                        rs.getString("lead_department"),
                        rs.getDate("deadline") == null ? null : rs.getDate("deadline").toLocalDate(),
                        rs.getTimestamp("received_at").toInstant()))
                .list();
        return new PageImpl<>(items, PageRequest.of(page, size), total);
    }

    /**
     * The inbox's total: the visible rows matching {@code where} (on {@code incoming_document d}) counted up to
     * {@link DocumentAccess#COUNT_CAP} + 1 (bind {@code countCap}). Public for the plan test and the benchmark.
     */
    public static String listCountSql(String where) {
        return "SELECT COUNT(*) FROM (SELECT 1 FROM incoming_document d WHERE " + where + " LIMIT :countCap) c";
    }

    /** The inbox's page, newest first (bind {@code limit} and {@code offset}); in the order of {@code ix_incoming_town_received}. */
    public static String listPageSql(String where) {
        return """
                SELECT d.id, d.town_code, d.kind, d.status, d.document_type, d.title, d.secrecy_level, d.urgency, d.sender,
                       d.original_number, d.register_year, d.register_sequence, d.lead_department, d.deadline, d.received_at
                FROM incoming_document d WHERE\s""" + where + " ORDER BY d.received_at DESC, d.id DESC LIMIT :limit OFFSET :offset";
    }

    /**
     * 销毁: only the classified feature calls this, once a destruction request was approved. The text and the files
     * are deleted; the elements stay for the register.
     */
    @Transactional
    public IncomingView destroy(Caller caller, UUID id, String note) {
        IncomingDocument d = find(caller, id);
        caller.requireAnyRole(OFFICE);
        d.destroy(caller.subject(), note, clock.instant());
        attachments.destroyAll(id);
        return saved(d);
    }

    /** For features above this one (copy approvals, destruction): the document as the caller may see it, if at all. */
    @Transactional(readOnly = true)
    public Optional<IncomingView> findVisible(Caller caller, UUID id) {
        return findEntity(caller, id).map(IncomingView::of);
    }

    // ---- internals -----------------------------------------------------------------------------------------

    private IncomingDocument find(Caller caller, UUID id) {
        return findEntity(caller, id).orElseThrow(() -> new NotFoundException("Incoming document", id));
    }

    /** As {@link #find}, and a refused read of a classified document goes into the read log. */
    private IncomingDocument findForReading(Caller caller, UUID id, ReadAction action, String detail, ReadContext context) {
        Optional<IncomingDocument> d = findEntity(caller, id);
        if (d.isEmpty()) {
            access.logRefused(caller, id, action, detail, context);
            throw new NotFoundException("Incoming document", id);
        }
        return d.get();
    }

    private Optional<IncomingDocument> findEntity(Caller caller, UUID id) {
        var scope = jurisdictions.readScope(caller, null);
        return documents.findByIdAndTownCodeIn(id, scope.codes())
                .filter(d -> access.mayRead(caller, d.elements().secrecyLevel(), d.need()));
    }

    /** While it waits for a 批示, only the leader the office asked may give it. */
    private static void requireLeader(Caller caller, IncomingDocument d) {
        caller.requireAnyRole(Roles.TOWN_LEADER);
        if (d.status() == IncomingStatus.PROPOSED && d.leader() != null && !d.leader().equals(caller.subject())) {
            throw new ForbiddenException("The 批示 was asked of " + d.leader());
        }
    }

    private static void requireLeadDepartment(Caller caller, IncomingDocument d) {
        caller.requireAnyRole(Roles.DEPARTMENT_HANDLER);
        if (d.leadDepartment() != null && !d.leadDepartment().equals(caller.department())) {
            throw new ForbiddenException("Only the 主办 department (" + d.leadDepartment() + ") may do this");
        }
    }

    /**
     * Imported documents: persisted (no merge) with their child rows in a few multi-row inserts
     * ({@link AggregateRows}), their needs written without looking for earlier ones.
     */
    private void savedNew(List<IncomingDocument> imported) {
        Map<UUID, Need> needs = new LinkedHashMap<>();
        for (IncomingDocument d : imported) {
            needs.put(d.id(), d.need());
            for (IncomingEvent e : d.pullEvents()) {
                onEvent(d, e);
            }
        }
        AggregateRows.persist(entityManager, jdbc, imported);
        access.recordNeedsOfNew(needs);
    }

    private IncomingView saved(IncomingDocument d) {
        documents.save(d);
        access.recordNeed(d.id(), d.need());
        for (IncomingEvent e : d.pullEvents()) {
            onEvent(d, e);
        }
        return IncomingView.of(d);
    }

    /** Domain events that reach other features. */
    private void onEvent(IncomingDocument d, IncomingEvent e) {
        if (e instanceof IncomingEvent.Instructed i && i.supervise()) {
            // A classified document's title and instruction stay with the document: the task only points to it.
            boolean classified = d.elements().secrecyLevel().classified();
            supervision.openForInstruction(d.townCode(), d.id(),
                    classified ? "领导批示督办（涉密文件 " + d.registerNumber() + "）" : "领导批示督办: " + d.elements().title(),
                    classified ? null : i.instruction(), i.leadDepartment(), i.coDepartments(), i.deadline(),
                    d.instructedBy());
        }
    }

    private DocumentElements elementsOf(ElementsRequest request, DocumentKind kind) {
        DocumentElements elements;
        try {
            elements = request.toElements(kind, secrecy);
        } catch (InvalidFieldException e) {
            throw new InvalidFieldException("elements." + e.field(), e.getMessage());
        }
        return elements;
    }

    /** Nobody files or writes a document above their own clearance: they could not read it back. */
    private static DocumentElements cleared(Caller caller, DocumentElements elements) {
        if (!caller.clearance().covers(elements.secrecyLevel().requiredClearance())) {
            throw new ForbiddenException("Your clearance does not cover " + elements.secrecyLevel().label() + " documents");
        }
        return elements;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    }

    private static String registerScope(String town) {
        return "收文:" + town;
    }
}
