package org.zhenwu.document.outgoing;

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
import org.zhenwu.contracts.document.v1.DocumentIssued;
import org.zhenwu.contracts.document.v1.DocumentTopics;
import org.zhenwu.document.access.DocumentAccess;
import org.zhenwu.document.access.Need;
import org.zhenwu.document.access.ReadAction;
import org.zhenwu.document.access.ReadContext;
import org.zhenwu.document.attachment.AttachmentService;
import org.zhenwu.document.attachment.AttachmentView;
import org.zhenwu.document.element.DocumentElements;
import org.zhenwu.document.element.DocumentKind;
import org.zhenwu.document.element.DocumentNumber;
import org.zhenwu.document.element.ElementsRequest;
import org.zhenwu.document.element.SecrecyLevel;
import org.zhenwu.document.element.SecrecyRules;
import org.zhenwu.document.importing.AggregateRows;
import org.zhenwu.document.importing.ImportResult;
import org.zhenwu.document.numbering.SequenceCounter;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.importing.ImportFile;
import org.zhenwu.platform.importing.ImportRejected;
import org.zhenwu.platform.importing.KnownSourceIds;
import org.zhenwu.platform.importing.RowError;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.outbox.Outbox;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.ForbiddenException;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.platform.web.NotFoundException;

/**
 * The 发文 feature's public API. Who may act: drafters (office or departments) write and submit; the office checks,
 * reviews, registers, prints, distributes and archives; co-signing departments' handlers 会签; the named leader
 * 签发. Nobody sees another town, and a classified document exists only for those with clearance and a need.
 */
@Service
public class OutgoingDocumentService {
    static final String[] OFFICE = {Roles.OFFICE_CLERK, Roles.DISTRICT_ADMIN};
    private static final String[] DRAFTERS = {Roles.OFFICE_CLERK, Roles.DEPARTMENT_HANDLER, Roles.DISTRICT_ADMIN};

    private final OutgoingRepository documents;
    private final DocumentAccess access;
    private final AttachmentService attachments;
    private final SequenceCounter counter;
    private final Jurisdictions jurisdictions;
    private final SecrecyRules secrecy;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    @PersistenceContext
    private EntityManager entityManager;

    OutgoingDocumentService(OutgoingRepository documents, DocumentAccess access, AttachmentService attachments,
                            SequenceCounter counter, Jurisdictions jurisdictions, SecrecyRules secrecy, Outbox outbox,
                            JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.documents = documents;
        this.access = access;
        this.attachments = attachments;
        this.counter = counter;
        this.jurisdictions = jurisdictions;
        this.secrecy = secrecy;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    // ---- drafting ------------------------------------------------------------------------------------------

    /** 起草. */
    @Transactional
    public OutgoingView draft(Caller caller, String town, DocumentKind kind, ElementsRequest elements,
                              List<String> coSigningDepartments) {
        caller.requireAnyRole(DRAFTERS);
        String townCode = jurisdictions.townForWrite(caller, town);
        DocumentKind k = kind == null ? DocumentKind.DOCUMENT : kind;
        OutgoingDocument d = OutgoingDocument.draft(UUID.randomUUID(), townCode, k, cleared(caller, elementsOf(elements, k)),
                coSigningDepartments, caller.subject(), caller.name(), caller.department(), clock.instant());
        return saved(d);
    }

    /** A revision; after 签发 a substantive one sends the document back to the signer. */
    @Transactional
    public OutgoingView revise(Caller caller, UUID id, ElementsRequest elements, List<String> coSigningDepartments) {
        OutgoingDocument d = find(caller, id);
        requireEditor(caller, d);
        d.revise(cleared(caller, elementsOf(elements, d.kind())), coSigningDepartments, caller.subject(), clock.instant());
        return saved(d);
    }

    /** Sends the draft for 核稿; a classified draft names its checker. */
    @Transactional
    public OutgoingView submit(Caller caller, UUID id, String checker) {
        OutgoingDocument d = find(caller, id);
        requireDrafter(caller, d);
        d.submit(caller.subject(), blankToNull(checker), clock.instant());
        return saved(d);
    }

    /** 撤回 by the drafter, before 签发. */
    @Transactional
    public OutgoingView withdraw(Caller caller, UUID id, String reason) {
        OutgoingDocument d = find(caller, id);
        requireDrafter(caller, d);
        d.withdraw(caller.subject(), reason, clock.instant());
        return saved(d);
    }

    // ---- the steps -----------------------------------------------------------------------------------------

    /** 核稿 passed; names the leader who signs. */
    @Transactional
    public OutgoingView passCheck(Caller caller, UUID id, String signer, String opinion) {
        OutgoingDocument d = find(caller, id);
        requireStepActor(caller, d, OutgoingStatus.CHECKING);
        d.passCheck(caller.subject(), blankToNull(signer), opinion, clock.instant());
        return saved(d);
    }

    /** 会签 by the caller's department. */
    @Transactional
    public OutgoingView countersign(Caller caller, UUID id, boolean agree, String opinion) {
        OutgoingDocument d = find(caller, id);
        caller.requireAnyRole(Roles.DEPARTMENT_HANDLER);
        if (caller.department() == null || !d.coSigningDepartments().contains(caller.department())) {
            throw new ForbiddenException("Only the co-signing departments' handlers give their 会签");
        }
        d.countersign(caller.department(), agree, opinion, caller.subject(), clock.instant());
        return saved(d);
    }

    /** 签发 by the named leader. */
    @Transactional
    public OutgoingView sign(Caller caller, UUID id, String opinion) {
        OutgoingDocument d = find(caller, id);
        requireStepActor(caller, d, OutgoingStatus.SIGNING);
        d.sign(caller.subject(), caller.name(), opinion, clock.instant());
        return saved(d);
    }

    /** 复核. */
    @Transactional
    public OutgoingView review(Caller caller, UUID id, String note) {
        OutgoingDocument d = find(caller, id);
        caller.requireAnyRole(OFFICE);
        d.review(caller.subject(), note, clock.instant());
        return saved(d);
    }

    /**
     * 登记: the 发文字号 is taken now, gap-free per 机关代字 and year. Three short transactions: look the document
     * up, make sure the counter row exists (see {@link SequenceCounter}), then number it; the counter row stays
     * locked until the last one commits.
     */
    public OutgoingView register(Caller caller, UUID id) {
        String[] codeAndTown = tx.execute(s -> {
            OutgoingDocument d = find(caller, id);
            caller.requireAnyRole(OFFICE);
            if (!d.status().canMoveTo(OutgoingStatus.REGISTERED)) {
                throw new org.zhenwu.platform.web.IllegalTransitionException("Outgoing document", id, d.status(),
                        OutgoingStatus.REGISTERED);
            }
            return new String[] {d.issuerCode(), d.townCode()};
        });
        int year = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE)).getYear();
        counter.prepare(codeAndTown[0], year, codeAndTown[1], "issuerCode");
        return tx.execute(s -> {
            OutgoingDocument d = find(caller, id);
            caller.requireAnyRole(OFFICE);
            d.register(caller.subject(), year, () -> counter.next(d.issuerCode(), year), clock.instant());
            return saved(d);
        });
    }

    /** 印制. */
    @Transactional
    public OutgoingView print(Caller caller, UUID id, int copies, String printingOrgan, LocalDate printingDate) {
        OutgoingDocument d = find(caller, id);
        caller.requireAnyRole(OFFICE);
        d.print(copies, blankToNull(printingOrgan), printingDate, caller.subject(), clock.instant());
        return saved(d);
    }

    /** 核发 to the recipients; announced as {@code document.DocumentIssued}. */
    @Transactional
    public OutgoingView distribute(Caller caller, UUID id, List<OutgoingDocument.Recipient> recipients) {
        OutgoingDocument d = find(caller, id);
        caller.requireAnyRole(OFFICE);
        d.distribute(recipients, caller.subject(), clock.instant());
        return saved(d);
    }

    /** 归档. */
    @Transactional
    public OutgoingView archive(Caller caller, UUID id) {
        OutgoingDocument d = find(caller, id);
        caller.requireAnyRole(OFFICE);
        d.archive(caller.subject(), clock.instant());
        return saved(d);
    }

    /** 退回: to the previous step, or to the drafter. Done by whoever the current step waits for. */
    @Transactional
    public OutgoingView returnDocument(Caller caller, UUID id, boolean toDrafter, String reason) {
        OutgoingDocument d = find(caller, id);
        requireStepActor(caller, d, d.status());
        if (toDrafter) {
            d.returnToDrafter(caller.subject(), reason, clock.instant());
        } else {
            d.returnToPreviousStep(caller.subject(), reason, clock.instant());
        }
        return saved(d);
    }

    /** 作废: the drafter while drafting, otherwise the office or a leader. */
    @Transactional
    public OutgoingView voidDocument(Caller caller, UUID id, String reason) {
        OutgoingDocument d = find(caller, id);
        if (!(d.status() == OutgoingStatus.DRAFTING && caller.subject().equals(d.drafter()))) {
            caller.requireAnyRole(Roles.OFFICE_CLERK, Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN);
        }
        d.voidDocument(caller.subject(), reason, clock.instant());
        return saved(d);
    }

    /** 委托/转办 of 核稿 or 签发 to someone else, by the person it waits for (or the office). */
    @Transactional
    public OutgoingView delegate(Caller caller, UUID id, String to, String note) {
        OutgoingDocument d = find(caller, id);
        if (!caller.hasAnyRole(OFFICE)) {
            requireStepActor(caller, d, d.status());
        }
        d.delegate(caller.subject(), to.strip(), note, clock.instant());
        return saved(d);
    }

    // ---- historical import ---------------------------------------------------------------------------------

    /**
     * Brings in documents issued in an earlier system: each row is replayed through the workflow with its own times
     * and keeps its 发文字号; the counters move past the numbers used, so new numbers never repeat one. All or nothing;
     * rows whose source id this town already has are skipped, so a file can be sent again.
     */
    public ImportResult importHistory(Caller caller, String town, ImportFile file) {
        caller.requireAnyRole(OFFICE);
        String townCode = jurisdictions.townForWrite(caller, town);
        List<OutgoingImport.Row> rows = OutgoingImport.rows(file, secrecy);
        List<RowError> errors = new ArrayList<>(file.errors());
        Set<String> counters = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        for (OutgoingImport.Row row : rows) {
            if (!caller.clearance().covers(row.elements().secrecyLevel().requiredClearance())) {
                errors.add(new RowError(row.line(), "secrecyLevel", "is above your clearance"));
            }
            if (!numbers.add(row.number().toString())) {
                errors.add(new RowError(row.line(), "documentNumber", "appears twice in this file"));
            }
            if (errors.isEmpty() && counters.add(row.number().code() + "/" + row.number().year())) {
                try {
                    counter.prepare(row.number().code(), row.number().year(), townCode, "documentNumber");
                } catch (InvalidFieldException e) {
                    errors.add(new RowError(row.line(), "documentNumber", e.getMessage()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejected(errors);
        }
        return tx.execute(status -> {
            Set<String> known = KnownSourceIds.of(rows.stream().map(OutgoingImport.Row::sourceId).toList(),
                    ids -> documents.knownSourceIds(townCode, ids));
            List<OutgoingImport.Row> fresh = rows.stream().filter(r -> known.add(r.sourceId())).toList();
            // the numbers already used, one query per 机关代字 and year of the file instead of one per row
            Map<String, Set<Integer>> used = new HashMap<>();
            Map<String, Integer> highest = new LinkedHashMap<>();
            List<OutgoingDocument> imported = new ArrayList<>();
            for (OutgoingImport.Row row : fresh) {
                DocumentNumber n = row.number();
                Set<Integer> taken = used.computeIfAbsent(n.code() + "/" + n.year(), k -> new HashSet<>(jdbc.sql("""
                                SELECT number_sequence FROM outgoing_document WHERE number_code = ? AND number_year = ?""")
                        .params(n.code(), n.year()).query(Integer.class).list()));
                if (taken.contains(n.sequence())) {
                    errors.add(new RowError(row.line(), "documentNumber", n + " is already used"));
                    continue;
                }
                highest.merge(n.code() + "/" + n.year(), n.sequence(), Math::max);
                try {
                    imported.add(replay(caller, townCode, row));
                } catch (RuntimeException e) {
                    errors.add(new RowError(row.line(), "status", e.getMessage()));
                }
            }
            if (!errors.isEmpty()) {
                throw new ImportRejected(errors);
            }
            Map<UUID, Need> needs = new LinkedHashMap<>();
            for (OutgoingDocument d : imported) {
                needs.put(d.id(), d.need());
                publish(d);
            }
            AggregateRows.persist(entityManager, jdbc, imported);
            access.recordNeedsOfNew(needs);
            highest.forEach((scope, n) -> counter.atLeast(scope.substring(0, scope.lastIndexOf('/')),
                    Integer.parseInt(scope.substring(scope.lastIndexOf('/') + 1)), n));
            return new ImportResult(imported.size(), rows.size() - fresh.size());
        });
    }

    private OutgoingDocument replay(Caller caller, String town, OutgoingImport.Row row) {
        String actor = caller.subject();
        OutgoingDocument d = OutgoingDocument.draft(UUID.randomUUID(), town, row.kind(), row.elements(), List.of(), actor,
                caller.name(), caller.department(), row.signedAt());
        d.imported(row.sourceId(), row.number());
        d.submit(actor, row.elements().secrecyLevel().classified() ? actor : null, row.signedAt());
        d.passCheck(actor, actor, "历史导入", row.signedAt());
        d.sign(actor, row.signer(), null, row.signedAt());
        d.review(actor, "历史导入", row.distributedAt());
        d.register(actor, row.number().year(), () -> row.number().sequence(), row.distributedAt());
        d.print(row.copies(), null, null, actor, row.distributedAt());
        d.distribute(List.of(new OutgoingDocument.Recipient(row.elements().mainRecipients(), row.copies())), actor,
                row.distributedAt());
        if (row.status() == OutgoingStatus.ARCHIVED) {
            d.archive(actor, row.archivedAt() != null ? row.archivedAt() : row.distributedAt());
        }
        return d;
    }

    // ---- attachments ---------------------------------------------------------------------------------------

    /** Attaches a file; after 签发 this sends the document back to the signer. */
    @Transactional
    public AttachmentView attach(Caller caller, UUID id, String fileName, String contentType, InputStream content) {
        OutgoingDocument d = find(caller, id);
        requireEditor(caller, d);
        d.attachmentsChanged(caller.subject(), "附件 " + fileName, clock.instant());
        AttachmentView a = attachments.attach(id, d.townCode(), fileName, contentType, content, caller.subject());
        saved(d);
        return a;
    }

    @Transactional
    public void removeAttachment(Caller caller, UUID id, UUID attachmentId) {
        OutgoingDocument d = find(caller, id);
        requireEditor(caller, d);
        AttachmentView a = attachments.get(id, attachmentId);
        d.attachmentsChanged(caller.subject(), "删除附件 " + a.fileName(), clock.instant());
        attachments.remove(id, attachmentId, caller.subject());
        saved(d);
    }

    /** The attachment's metadata and bytes; a classified document's download is logged. */
    @Transactional
    public AttachmentContent openAttachment(Caller caller, UUID id, UUID attachmentId, ReadContext context) {
        OutgoingDocument d = findForReading(caller, id, ReadAction.DOWNLOAD, attachmentId.toString(), context);
        AttachmentView a = attachments.get(id, attachmentId);
        access.logRead(caller, id, d.elements().secrecyLevel(), ReadAction.DOWNLOAD, a.fileName(), context);
        return new AttachmentContent(a, d.elements().secrecyLevel(), attachments.open(a));
    }

    public record AttachmentContent(AttachmentView attachment, SecrecyLevel secrecyLevel, InputStream content) {
    }

    // ---- reading -------------------------------------------------------------------------------------------

    /** The whole document with its trail and attachments; a classified one's read is logged. */
    @Transactional
    public OutgoingView get(Caller caller, UUID id, ReadContext context) {
        OutgoingDocument d = findForReading(caller, id, ReadAction.VIEW, null, context);
        access.logRead(caller, id, d.elements().secrecyLevel(), ReadAction.VIEW, null, context);
        return OutgoingView.withTrail(d, attachments.list(id));
    }

    /** Newest first; only what the caller may read is listed or counted. */
    @Transactional(readOnly = true)
    public Page<OutgoingView.Summary> list(Caller caller, String town, OutgoingStatus status, DocumentKind kind,
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
        List<OutgoingView.Summary> items = jdbc.sql(listPageSql(where.toString()))
                .params(params)
                .query((rs, i) -> new OutgoingView.Summary(UUID.fromString(rs.getString("id")), rs.getString("town_code"),
                        DocumentKind.valueOf(rs.getString("kind")), OutgoingStatus.valueOf(rs.getString("status")),
                        rs.getString("document_type"), rs.getString("title"), rs.getString("secrecy_level"),
                        rs.getString("urgency"), numberText(rs.getString("number_code"), rs.getObject("number_year"),
                        rs.getObject("number_sequence")), rs.getString("drafter_name"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
        return new PageImpl<>(items, PageRequest.of(page, size), total);
    }

    /**
     * The list's total: the visible rows matching {@code where} (on {@code outgoing_document d}) counted up to
     * {@link DocumentAccess#COUNT_CAP} + 1 (bind {@code countCap}). Public for the plan test and the benchmark.
     */
    public static String listCountSql(String where) {
        return "SELECT COUNT(*) FROM (SELECT 1 FROM outgoing_document d WHERE " + where + " LIMIT :countCap) c";
    }

    /** The list's page, newest first (bind {@code limit} and {@code offset}); in the order of {@code ix_outgoing_town_created}. */
    public static String listPageSql(String where) {
        return """
                SELECT d.id, d.town_code, d.kind, d.status, d.document_type, d.title, d.secrecy_level, d.urgency,
                       d.number_code, d.number_year, d.number_sequence, d.drafter_name, d.created_at
                FROM outgoing_document d WHERE\s""" + where + " ORDER BY d.created_at DESC, d.id DESC LIMIT :limit OFFSET :offset";
    }

    /** 发文登记簿: one issuer's numbered documents of a year, in number order (2 before 10). */
    @Transactional(readOnly = true)
    public List<OutgoingView.RegisterLine> registerBook(Caller caller, String town, String issuerCode, int year) {
        Map<String, Object> params = new HashMap<>(DocumentAccess.visibleParams(caller));
        params.put("towns", jurisdictions.readScope(caller, town).codes());
        params.put("code", issuerCode);
        params.put("year", year);
        return jdbc.sql("""
                SELECT d.number_sequence, d.number_code, d.number_year, d.id, d.title, d.status, d.document_type,
                       d.secrecy_level, d.registered_at
                FROM outgoing_document d
                WHERE d.number_code = :code AND d.number_year = :year AND d.town_code IN (:towns) AND\s"""
                + DocumentAccess.visibleSql("d") + " ORDER BY d.number_sequence")
                .params(params)
                .query((rs, i) -> new OutgoingView.RegisterLine(rs.getInt("number_sequence"),
                        numberText(rs.getString("number_code"), rs.getObject("number_year"), rs.getObject("number_sequence")),
                        UUID.fromString(rs.getString("id")), rs.getString("title"), OutgoingStatus.valueOf(rs.getString("status")),
                        rs.getString("document_type"), rs.getString("secrecy_level"),
                        rs.getTimestamp("registered_at") == null ? null : rs.getTimestamp("registered_at").toInstant()))
                .list();
    }

    /**
     * 销毁: only the classified feature calls this, once a destruction request was approved. The text and the files
     * are deleted; the elements stay for the register.
     */
    @Transactional
    public OutgoingView destroy(Caller caller, UUID id, String note) {
        OutgoingDocument d = find(caller, id);
        caller.requireAnyRole(OFFICE);
        d.destroy(caller.subject(), note, clock.instant());
        attachments.destroyAll(id);
        return saved(d);
    }

    /** For features above this one (copy approvals, destruction): the document as the caller may see it, if at all. */
    @Transactional(readOnly = true)
    public Optional<OutgoingView> findVisible(Caller caller, UUID id) {
        return findEntity(caller, id).map(OutgoingView::of);
    }

    // ---- internals -----------------------------------------------------------------------------------------

    /** The document, if it is in the caller's towns and they may read it; otherwise it does not exist for them. */
    private OutgoingDocument find(Caller caller, UUID id) {
        return findEntity(caller, id).orElseThrow(() -> new NotFoundException("Outgoing document", id));
    }

    /** As {@link #find}, and a refused read of a classified document goes into the read log. */
    private OutgoingDocument findForReading(Caller caller, UUID id, ReadAction action, String detail, ReadContext context) {
        Optional<OutgoingDocument> d = findEntity(caller, id);
        if (d.isEmpty()) {
            access.logRefused(caller, id, action, detail, context);
            throw new NotFoundException("Outgoing document", id);
        }
        return d.get();
    }

    private Optional<OutgoingDocument> findEntity(Caller caller, UUID id) {
        var scope = jurisdictions.readScope(caller, null);
        return documents.findByIdAndTownCodeIn(id, scope.codes())
                .filter(d -> access.mayRead(caller, d.elements().secrecyLevel(), d.need()));
    }

    private static void requireDrafter(Caller caller, OutgoingDocument d) {
        if (!caller.subject().equals(d.drafter())) {
            throw new ForbiddenException("Only the drafter (" + d.drafterName() + ") may do this");
        }
    }

    /** Drafting: the drafter or the office; checking and after 签发: the office. */
    private static void requireEditor(Caller caller, OutgoingDocument d) {
        if (d.status() == OutgoingStatus.DRAFTING && caller.subject().equals(d.drafter())) {
            return;
        }
        caller.requireAnyRole(OFFICE);
    }

    /**
     * Whoever the document waits for in {@code step}: the drafter, the office (the named checker if any), a co-signing
     * department, the named signer. When the document is not at that step the state machine answers (409).
     */
    private static void requireStepActor(Caller caller, OutgoingDocument d, OutgoingStatus step) {
        switch (step) {
            case DRAFTING -> requireDrafter(caller, d);
            case CHECKING -> {
                caller.requireAnyRole(OFFICE);
                requireAssignee(caller, d, step);
            }
            case COUNTERSIGNING -> {
                if (!(caller.hasRole(Roles.DEPARTMENT_HANDLER) && d.coSigningDepartments().contains(caller.department()))) {
                    caller.requireAnyRole(OFFICE);
                }
            }
            case SIGNING -> {
                caller.requireAnyRole(Roles.TOWN_LEADER);
                requireAssignee(caller, d, step);
            }
            default -> caller.requireAnyRole(OFFICE);
        }
    }

    private static void requireAssignee(Caller caller, OutgoingDocument d, OutgoingStatus step) {
        if (d.status() == step && d.assignee() != null && !d.assignee().equals(caller.subject())) {
            throw new ForbiddenException("This step is assigned to " + d.assignee());
        }
    }

    private OutgoingView saved(OutgoingDocument d) {
        documents.save(d);
        access.recordNeed(d.id(), d.need());
        publish(d);
        return OutgoingView.of(d);
    }

    private void publish(OutgoingDocument d) {
        for (OutgoingEvent e : d.pullEvents()) {
            if (e instanceof OutgoingEvent.Distributed x) {
                DocumentElements el = d.elements();
                DocumentNumber n = d.number();
                outbox.append(DocumentTopics.DOCUMENT_EVENTS, d.id().toString(), DocumentIssued.TYPE, DocumentIssued.of(
                        d.townCode(), d.id(), d.kind().name(), el.documentType().name(), n.toString(), n.code(), n.year(),
                        n.sequence(), el.issuerName(), el.secrecyLevel().name(),
                        el.secrecyLevel().classified() ? null : el.title(), el.urgency().name(), x.copies(), x.occurredAt()));
            }
            // Registered and Voided stay internal: the register and the figures read them from the table.
        }
    }

    private static String numberText(String code, Object year, Object sequence) {
        return code == null || year == null || sequence == null ? null
                : new DocumentNumber(code, ((Number) year).intValue(), ((Number) sequence).intValue()).toString();
    }

    /** Rule failures name the field as the client sent it: {@code elements.urgency}. */
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
