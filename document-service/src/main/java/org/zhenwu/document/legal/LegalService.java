package org.zhenwu.document.legal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhenwu.contracts.document.v1.DocumentTopics;
import org.zhenwu.contracts.document.v1.LegalCaseClosed;
import org.zhenwu.contracts.document.v1.LegalOpinionIssued;
import org.zhenwu.contracts.document.v1.LegalityReviewConcluded;
import org.zhenwu.document.contract.LegalReviewers;
import org.zhenwu.document.importing.AggregateRows;
import org.zhenwu.document.importing.DocumentImports;
import org.zhenwu.document.importing.ImportResult;
import org.zhenwu.document.numbering.SequenceCounter;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.importing.ImportFile;
import org.zhenwu.platform.importing.ImportRejected;
import org.zhenwu.platform.importing.RowError;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.outbox.Outbox;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.ForbiddenException;
import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.platform.web.NotFoundException;

/**
 * 法制: legality reviews of normative documents (规范性文件法制审核), legal opinions (法律意见书) and the cases counsel
 * handles for the town (代理案件).
 * <p>
 * Who does what: the office, leaders, the district and the legal reviewers ({@link LegalReviewers}, 司法所 and the
 * legal adviser's office by default) keep the opinions and cases. Any department submits its normative drafts for
 * review and follows its own; a legal reviewer who did not submit a draft takes it on and concludes it.
 */
@Service
public class LegalService {
    private static final String[] OFFICE = {Roles.OFFICE_CLERK, Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN};

    private final LegalityReviewRepository reviews;
    private final LegalOpinionRepository opinions;
    private final LegalCaseRepository cases;
    private final SequenceCounter counter;
    private final Jurisdictions jurisdictions;
    private final LegalReviewers reviewers;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    @PersistenceContext
    private EntityManager entityManager;
    private final TransactionTemplate tx;
    private final Clock clock;

    LegalService(LegalityReviewRepository reviews, LegalOpinionRepository opinions, LegalCaseRepository cases,
                 SequenceCounter counter, Jurisdictions jurisdictions, LegalReviewers reviewers, Outbox outbox,
                 JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.reviews = reviews;
        this.opinions = opinions;
        this.cases = cases;
        this.counter = counter;
        this.jurisdictions = jurisdictions;
        this.reviewers = reviewers;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    // ---- 规范性文件法制审核 ---------------------------------------------------------------------------------------

    /** A draft normative document submitted for review; a department submits its own drafts. */
    @Transactional
    public LegalityReviewView submitReview(Caller caller, String town, String documentTitle, String draftingUnit,
                                           UUID outgoingDocumentId, String note) {
        caller.requireAnyRole(Roles.OFFICE_CLERK, Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN, Roles.DEPARTMENT_HANDLER);
        String townCode = jurisdictions.townForWrite(caller, town);
        if (!legalStaff(caller) && !draftingUnit.equals(caller.department())) {
            throw new ForbiddenException("A department submits its own drafts (draftingUnit " + caller.department()
                    + ")");
        }
        if (outgoingDocumentId != null
                && jdbc.sql("SELECT COUNT(*) FROM outgoing_document WHERE id = ? AND town_code = ?")
                        .params(outgoingDocumentId.toString(), townCode).query(Long.class).single() == 0) {
            throw new InvalidFieldException("outgoingDocumentId", "is not an outgoing document of town " + townCode);
        }
        return saved(LegalityReview.submit(UUID.randomUUID(), townCode, documentTitle, draftingUnit, outgoingDocumentId,
                note, caller.subject(), clock.instant()));
    }

    /** A legal reviewer takes the draft on. */
    @Transactional
    public LegalityReviewView takeReview(Caller caller, UUID id) {
        LegalityReview r = findReview(caller, id);
        requireReviewer(caller);
        r.take(caller.subject(), clock.instant());
        return saved(r);
    }

    /** 审核结论; announced as {@code document.LegalityReviewConcluded}. */
    @Transactional
    public LegalityReviewView concludeReview(Caller caller, UUID id, LegalityOutcome outcome, String opinion) {
        LegalityReview r = findReview(caller, id);
        requireReviewer(caller);
        r.conclude(outcome, opinion, caller.subject(), today(), clock.instant());
        return saved(r);
    }

    @Transactional(readOnly = true)
    public LegalityReviewView getReview(Caller caller, UUID id) {
        return LegalityReviewView.of(findReview(caller, id), true);
    }

    @Transactional(readOnly = true)
    public Page<LegalityReviewView> listReviews(Caller caller, String town, LegalityStatus status, int page, int size) {
        caller.requireAnyRole(Roles.OFFICE_CLERK, Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN, Roles.DEPARTMENT_HANDLER);
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = scoped(caller, town, params);
        if (!legalStaff(caller)) {
            where.append(" AND drafting_unit = :dept");
            params.put("dept", caller.department() == null ? "" : caller.department());
        }
        if (status != null) {
            where.append(" AND status = :status");
            params.put("status", status.name());
        }
        return page("legality_review", where, "submitted_at DESC, id", params, reviews,
                r -> LegalityReviewView.of(r, false), page, size);
    }

    // ---- 法律意见书 -------------------------------------------------------------------------------------------------

    @Transactional
    public LegalOpinionView draftOpinion(Caller caller, String town, SubjectArea area, String question, String opinion,
                                         String counsel) {
        requireLegalStaff(caller);
        String townCode = jurisdictions.townForWrite(caller, town);
        return saved(LegalOpinion.draft(UUID.randomUUID(), townCode, area, question, opinion, counsel,
                caller.subject(), clock.instant()));
    }

    /** 出具: the next number of the town's register for the year of issue; {@code document.LegalOpinionIssued}. */
    public LegalOpinionView issueOpinion(Caller caller, UUID id, String finalText, LocalDate issuedOn) {
        LocalDate on = issuedOn == null ? today() : issuedOn;
        if (on.isAfter(today())) {
            throw new InvalidFieldException("issuedOn", "is in the future");
        }
        String town = tx.execute(s -> {
            LegalOpinion o = findOpinion(caller, id);
            if (!o.status().canMoveTo(OpinionStatus.ISSUED)) {
                throw new IllegalTransitionException("Legal opinion", id, o.status(), OpinionStatus.ISSUED);
            }
            return o.townCode();
        });
        counter.prepare(opinionScope(town), on.getYear(), town, "town");
        return tx.execute(s -> {
            LegalOpinion o = findOpinion(caller, id);
            o.issue(finalText, on, counter.next(opinionScope(town), on.getYear()), caller.subject(), today(),
                    clock.instant());
            return saved(o);
        });
    }

    @Transactional(readOnly = true)
    public LegalOpinionView getOpinion(Caller caller, UUID id) {
        return LegalOpinionView.of(findOpinion(caller, id), true);
    }

    @Transactional(readOnly = true)
    public Page<LegalOpinionView> listOpinions(Caller caller, String town, OpinionStatus status, SubjectArea area,
                                               int page, int size) {
        requireLegalStaff(caller);
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = scoped(caller, town, params);
        if (status != null) {
            where.append(" AND status = :status");
            params.put("status", status.name());
        }
        if (area != null) {
            where.append(" AND subject_area = :area");
            params.put("area", area.name());
        }
        return page("legal_opinion", where, "created_at DESC, id", params, opinions, o -> LegalOpinionView.of(o, false),
                page, size);
    }

    /** The old register of opinions: the whole file or nothing; rows already imported (same sourceId) skipped. */
    public ImportResult importOpinions(Caller caller, String town, ImportFile file) {
        requireLegalStaff(caller);
        String townCode = jurisdictions.townForWrite(caller, town);
        List<LegalImport.OpinionRow> rows = LegalImport.opinions(file, today());
        file.rejectIfInvalid();
        Set<Integer> years = new HashSet<>();
        rows.forEach(r -> years.add(r.issuedOn().getYear()));
        years.forEach(y -> counter.prepare(opinionScope(townCode), y, townCode, "town"));
        return tx.execute(s -> {
            Set<String> known = DocumentImports.knownIn(jdbc, "legal_opinion", townCode,
                    rows.stream().map(LegalImport.OpinionRow::sourceId).toList());
            List<LegalImport.OpinionRow> fresh = rows.stream().filter(r -> known.add(r.sourceId())).toList();
            IntUnaryOperator numbers = DocumentImports.numbers(fresh, r -> r.issuedOn().getYear(),
                    (year, n) -> counter.reserve(opinionScope(townCode), year, n));
            List<LegalOpinion> imported = new ArrayList<>();
            for (LegalImport.OpinionRow r : fresh) {
                imported.add(LegalOpinion.historical(UUID.randomUUID(), townCode, r.sourceId(), r.area(), r.question(),
                        r.opinion(), r.counsel(), r.issuedOn(), numbers.applyAsInt(r.issuedOn().getYear()),
                        caller.subject(), clock.instant()));
            }
            AggregateRows.persist(entityManager, jdbc, imported);
            return new ImportResult(imported.size(), rows.size() - fresh.size());
        });
    }

    // ---- 代理案件 -----------------------------------------------------------------------------------------------------

    @Transactional
    public LegalCaseView registerCase(Caller caller, String town, LegalCase.Parties parties, LocalDate registeredOn) {
        requireLegalStaff(caller);
        String townCode = jurisdictions.townForWrite(caller, town);
        if (cases.existsByTownCodeAndCaseNumber(townCode, parties.caseNumber())) {
            throw new InvalidFieldException("caseNumber", "is already registered");
        }
        return saved(LegalCase.register(UUID.randomUUID(), townCode, parties,
                registeredOn == null ? today() : registeredOn, caller.subject(), today(), clock.instant()));
    }

    @Transactional
    public LegalCaseView recordHearing(Caller caller, UUID id, LocalDate heldOn, String description) {
        LegalCase c = findCase(caller, id);
        c.recordHearing(heldOn, description, caller.subject(), clock.instant());
        return saved(c);
    }

    @Transactional
    public LegalCaseView judge(Caller caller, UUID id, LocalDate judgedOn, String summary) {
        LegalCase c = findCase(caller, id);
        c.judge(judgedOn == null ? today() : judgedOn, summary, caller.subject(), today(), clock.instant());
        return saved(c);
    }

    @Transactional
    public LegalCaseView appeal(Caller caller, UUID id, LocalDate appealedOn, String note) {
        LegalCase c = findCase(caller, id);
        c.appeal(appealedOn == null ? today() : appealedOn, note, caller.subject(), today(), clock.instant());
        return saved(c);
    }

    /** 结案; announced as {@code document.LegalCaseClosed}. */
    @Transactional
    public LegalCaseView close(Caller caller, UUID id, CaseOutcome outcome, LocalDate closedOn, String note) {
        LegalCase c = findCase(caller, id);
        c.close(outcome, closedOn == null ? today() : closedOn, note, caller.subject(), today(), clock.instant());
        return saved(c);
    }

    @Transactional(readOnly = true)
    public LegalCaseView getCase(Caller caller, UUID id) {
        return LegalCaseView.of(findCase(caller, id), true);
    }

    @Transactional(readOnly = true)
    public Page<LegalCaseView> listCases(Caller caller, String town, CaseStatus status, CaseKind kind, int page,
                                         int size) {
        requireLegalStaff(caller);
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = scoped(caller, town, params);
        if (status != null) {
            where.append(" AND status = :status");
            params.put("status", status.name());
        }
        if (kind != null) {
            where.append(" AND kind = :kind");
            params.put("kind", kind.name());
        }
        return page("legal_case", where, "registered_on DESC, id", params, cases, c -> LegalCaseView.of(c, false),
                page, size);
    }

    /** The old register of cases: the whole file or nothing; rows already imported (same sourceId) skipped. */
    public ImportResult importCases(Caller caller, String town, ImportFile file) {
        requireLegalStaff(caller);
        String townCode = jurisdictions.townForWrite(caller, town);
        List<LegalImport.CaseRow> rows = LegalImport.cases(file, today());
        file.rejectIfInvalid();
        return tx.execute(s -> {
            List<RowError> errors = new ArrayList<>();
            Set<String> numbers = new HashSet<>();
            int imported = 0;
            int skipped = 0;
            Set<String> known = DocumentImports.knownIn(jdbc, "legal_case", townCode,
                    rows.stream().map(LegalImport.CaseRow::sourceId).toList());
            List<LegalCase> fresh = new ArrayList<>();
            for (LegalImport.CaseRow r : rows) {
                if (!known.add(r.sourceId())) {
                    skipped++;
                    continue;
                }
                if (!numbers.add(r.parties().caseNumber())
                        || cases.existsByTownCodeAndCaseNumber(townCode, r.parties().caseNumber())) {
                    errors.add(new RowError(r.line(), "caseNumber", "is already registered"));
                    continue;
                }
                fresh.add(LegalCase.historical(UUID.randomUUID(), townCode, r.sourceId(), r.parties(),
                        r.registeredOn(), r.status(), r.judgedOn(), r.judgment(), r.outcome(), r.closedOn(),
                        caller.subject(), today(), clock.instant()));
                imported++;
            }
            if (!errors.isEmpty()) {
                throw new ImportRejected(errors);
            }
            AggregateRows.persist(entityManager, jdbc, fresh);
            return new ImportResult(imported, skipped);
        });
    }

    // ---- internals ---------------------------------------------------------------------------------------------

    private LegalityReview findReview(Caller caller, UUID id) {
        caller.requireAnyRole(Roles.OFFICE_CLERK, Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN, Roles.DEPARTMENT_HANDLER);
        LegalityReview r = reviews.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Legality review", id));
        if (!legalStaff(caller) && !r.draftingUnit().equals(caller.department())) {
            throw new NotFoundException("Legality review", id);
        }
        return r;
    }

    private LegalOpinion findOpinion(Caller caller, UUID id) {
        requireLegalStaff(caller);
        return opinions.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Legal opinion", id));
    }

    private LegalCase findCase(Caller caller, UUID id) {
        requireLegalStaff(caller);
        return cases.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Legal case", id));
    }

    private boolean legalStaff(Caller caller) {
        return caller.hasAnyRole(OFFICE) || reviewers.covers(caller);
    }

    private void requireLegalStaff(Caller caller) {
        if (!legalStaff(caller)) {
            throw new ForbiddenException("Legal affairs are kept by the office and the legal reviewers ("
                    + reviewers.departments() + ")");
        }
    }

    private void requireReviewer(Caller caller) {
        if (!reviewers.covers(caller)) {
            throw new ForbiddenException("Legality reviews are done by the legal reviewers (" + reviewers.departments()
                    + ")");
        }
    }

    private StringBuilder scoped(Caller caller, String town, Map<String, Object> params) {
        params.put("towns", jurisdictions.readScope(caller, town).codes());
        return new StringBuilder("town_code IN (:towns)");
    }

    private <E extends LegalRecord, V> Page<V> page(String table, StringBuilder where, String order,
                                                    Map<String, Object> params, JpaRepository<E, UUID> repository,
                                                    Function<E, V> view, int page, int size) {
        long total = jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + where).params(params).query(Long.class)
                .single();
        params.put("limit", size);
        params.put("offset", page * size);
        List<UUID> ids = jdbc.sql("SELECT id FROM " + table + " WHERE " + where + " ORDER BY " + order
                        + " LIMIT :limit OFFSET :offset").params(params)
                .query(String.class).list().stream().map(UUID::fromString).toList();
        Map<UUID, E> byId = new HashMap<>();
        repository.findAllById(ids).forEach(e -> byId.put(e.id(), e));
        return new PageImpl<>(ids.stream().map(byId::get).map(view).toList(), PageRequest.of(page, size), total);
    }

    private LegalityReviewView saved(LegalityReview r) {
        reviews.save(r);
        for (LegalEvent e : r.pullEvents()) {
            if (e instanceof LegalEvent.ReviewConcluded x) {
                outbox.append(DocumentTopics.LEGAL_EVENTS, r.id().toString(), LegalityReviewConcluded.TYPE,
                        LegalityReviewConcluded.of(r.townCode(), r.id(), r.documentTitle(), r.draftingUnit(),
                                r.outgoingDocumentId(), r.reviewer(), x.outcome().name(), x.concludedOn(),
                                x.occurredAt()));
            }
        }
        return LegalityReviewView.of(r, false);
    }

    private LegalOpinionView saved(LegalOpinion o) {
        opinions.save(o);
        for (LegalEvent e : o.pullEvents()) {
            if (e instanceof LegalEvent.OpinionIssued x) {
                outbox.append(DocumentTopics.LEGAL_EVENTS, o.id().toString(), LegalOpinionIssued.TYPE,
                        LegalOpinionIssued.of(o.townCode(), o.id(), o.number(), o.subjectArea().name(), o.counsel(),
                                x.issuedOn(), x.occurredAt()));
            }
        }
        return LegalOpinionView.of(o, false);
    }

    private LegalCaseView saved(LegalCase c) {
        cases.save(c);
        for (LegalEvent e : c.pullEvents()) {
            if (e instanceof LegalEvent.CaseClosed x) {
                outbox.append(DocumentTopics.LEGAL_EVENTS, c.id().toString(), LegalCaseClosed.TYPE,
                        LegalCaseClosed.of(c.townCode(), c.id(), c.caseNumber(), c.kind().name(), c.ourRole().name(),
                                c.court(), x.outcome().name(), x.closedOn(), x.occurredAt()));
            }
        }
        return LegalCaseView.of(c, false);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    }

    private static String opinionScope(String town) {
        return "法律意见书:" + town;
    }
}
