package org.zhenwu.document.contract;

import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.zhenwu.contracts.document.v1.ContractClosed;
import org.zhenwu.contracts.document.v1.ContractExpiring;
import org.zhenwu.contracts.document.v1.ContractReviewed;
import org.zhenwu.contracts.document.v1.ContractSigned;
import org.zhenwu.contracts.document.v1.DocumentTopics;
import org.zhenwu.document.attachment.AttachmentService;
import org.zhenwu.document.attachment.AttachmentView;
import org.zhenwu.document.importing.AggregateRows;
import org.zhenwu.document.importing.DocumentImports;
import org.zhenwu.document.importing.ImportResult;
import org.zhenwu.document.numbering.SequenceCounter;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.importing.ImportFile;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.outbox.Outbox;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.ForbiddenException;
import org.zhenwu.platform.web.NotFoundException;

/**
 * 合同管理. The office or a department registers its contracts (numbered gap-free per town and year), counsel reviews
 * them (legal reviewers, never the drafter), the signing unit signs and performs them milestone by milestone. A job
 * announces contracts about to expire, once each, safely on several instances; risk flags are computed on read.
 * <p>
 * Who sees what: the office, leaders, the district and the legal reviewers see every contract of their towns; a
 * department sees and manages the contracts it signs (its {@code signingUnit}).
 */
@Service
public class ContractService {
    private static final String[] OFFICE = {Roles.OFFICE_CLERK, Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN};
    private static final String[] ANY = {Roles.OFFICE_CLERK, Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN,
            Roles.DEPARTMENT_HANDLER};

    private final ContractRepository contracts;
    private final AttachmentService attachments;
    private final SequenceCounter counter;
    private final Jurisdictions jurisdictions;
    private final LegalReviewers reviewers;
    private final ContractProperties properties;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    @PersistenceContext
    private EntityManager entityManager;
    private final TransactionTemplate tx;
    private final Clock clock;

    ContractService(ContractRepository contracts, AttachmentService attachments, SequenceCounter counter,
                    Jurisdictions jurisdictions, LegalReviewers reviewers, ContractProperties properties, Outbox outbox,
                    JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.contracts = contracts;
        this.attachments = attachments;
        this.counter = counter;
        this.jurisdictions = jurisdictions;
        this.reviewers = reviewers;
        this.properties = properties;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    // ---- the drafter and the signing unit -------------------------------------------------------------------

    /** 登记: the next number of the town's contract register for this year. A department registers its own. */
    public ContractView register(Caller caller, String town, Contract.Terms terms) {
        caller.requireAnyRole(ANY);
        String townCode = jurisdictions.townForWrite(caller, town);
        Contract.Terms t = terms.checked();
        if (!caller.hasAnyRole(OFFICE) && !t.signingUnit().equals(caller.department())) {
            throw new ForbiddenException("A department registers its own contracts (signingUnit " + caller.department()
                    + ")");
        }
        int year = today().getYear();
        counter.prepare(scope(townCode), year, townCode, "town");
        return tx.execute(s -> saved(Contract.register(UUID.randomUUID(), townCode, t, year,
                counter.next(scope(townCode), year), caller.subject(), clock.instant())));
    }

    @Transactional
    public ContractView revise(Caller caller, UUID id, Contract.Terms terms) {
        Contract c = managed(caller, id);
        if (!caller.hasAnyRole(OFFICE) && terms.signingUnit() != null
                && !terms.signingUnit().strip().equals(caller.department())) {
            throw new ForbiddenException("A department keeps its own contracts");
        }
        c.revise(terms, caller.subject(), clock.instant());
        return saved(c);
    }

    @Transactional
    public ContractView requestReview(Caller caller, UUID id, String note) {
        Contract c = managed(caller, id);
        c.requestReview(note, caller.subject(), clock.instant());
        return saved(c);
    }

    @Transactional
    public ContractView sign(Caller caller, UUID id, LocalDate signedOn) {
        Contract c = managed(caller, id);
        c.sign(signedOn == null ? today() : signedOn, caller.subject(), today(), clock.instant());
        return saved(c);
    }

    @Transactional
    public ContractView startPerformance(Caller caller, UUID id) {
        Contract c = managed(caller, id);
        c.startPerformance(caller.subject(), clock.instant());
        return saved(c);
    }

    @Transactional
    public ContractView addMilestone(Caller caller, UUID id, LocalDate dueDate, String description, BigDecimal amount) {
        Contract c = managed(caller, id);
        c.addMilestone(dueDate, description, amount, caller.subject(), clock.instant());
        return saved(c);
    }

    @Transactional
    public ContractView completeMilestone(Caller caller, UUID id, UUID milestoneId, LocalDate doneOn, String note) {
        Contract c = managed(caller, id);
        c.completeMilestone(milestoneId, doneOn == null ? today() : doneOn, note, caller.subject(), today(),
                clock.instant());
        return saved(c);
    }

    @Transactional
    public ContractView complete(Caller caller, UUID id, LocalDate completedOn) {
        Contract c = managed(caller, id);
        c.complete(completedOn == null ? today() : completedOn, caller.subject(), today(), clock.instant());
        return saved(c);
    }

    @Transactional
    public ContractView terminate(Caller caller, UUID id, String reason, LocalDate terminatedOn) {
        Contract c = managed(caller, id);
        c.terminate(reason, terminatedOn == null ? today() : terminatedOn, caller.subject(), today(), clock.instant());
        return saved(c);
    }

    /** The signed scan (or another file of the contract), as the raw body. */
    @Transactional
    public AttachmentView attach(Caller caller, UUID id, String fileName, String contentType, InputStream content) {
        Contract c = managed(caller, id);
        AttachmentView a = attachments.attach(id, c.townCode(), fileName, contentType, content, caller.subject());
        c.noteAttachment(a.fileName(), caller.subject(), clock.instant());
        contracts.save(c);
        return a;
    }

    @Transactional(readOnly = true)
    public ContractFile openFile(Caller caller, UUID id, UUID attachmentId) {
        find(caller, id);
        AttachmentView a = attachments.get(id, attachmentId);
        return new ContractFile(a, attachments.open(a));
    }

    public record ContractFile(AttachmentView attachment, InputStream content) {
    }

    // ---- counsel ---------------------------------------------------------------------------------------------

    /** 法制审核 concluded by a legal reviewer who did not draft the contract. */
    @Transactional
    public ContractView concludeReview(Caller caller, UUID id, ReviewOutcome outcome, String opinion) {
        Contract c = find(caller, id);
        if (!reviewers.covers(caller)) {
            throw new ForbiddenException("Legal reviews are concluded by the legal reviewers ("
                    + reviewers.departments() + ")");
        }
        c.concludeReview(outcome, opinion, caller.subject(), today(), clock.instant());
        return saved(c);
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public ContractView get(Caller caller, UUID id) {
        Contract c = find(caller, id);
        return ContractView.full(c, risks(c.id()), today(), attachments.list(id));
    }

    /** Newest register numbers first; {@code risk} keeps the contracts carrying that flag today. */
    @Transactional(readOnly = true)
    public Page<ContractView> list(Caller caller, String town, ContractStatus status, ContractType type,
                                   ContractRisk risk, String signingUnit, int page, int size) {
        caller.requireAnyRole(ANY);
        Map<String, Object> params = riskParams();
        params.put("towns", jurisdictions.readScope(caller, town).codes());
        StringBuilder where = new StringBuilder("c.town_code IN (:towns)");
        if (!seesAll(caller)) {
            where.append(" AND c.signing_unit = :dept");
            params.put("dept", caller.department() == null ? "" : caller.department());
        }
        if (status != null) {
            where.append(" AND c.status = :status");
            params.put("status", status.name());
        }
        if (type != null) {
            where.append(" AND c.contract_type = :type");
            params.put("type", type.name());
        }
        if (signingUnit != null && !signingUnit.isBlank()) {
            where.append(" AND c.signing_unit = :unit");
            params.put("unit", signingUnit.strip());
        }
        if (risk != null) {
            where.append(" AND (").append(risk.condition).append(")");
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM contract c WHERE " + where).params(params).query(Long.class)
                .single();
        params.put("limit", size);
        params.put("offset", page * size);
        Map<UUID, List<ContractRisk>> flags = new LinkedHashMap<>();
        jdbc.sql("SELECT c.id, " + ContractRisk.columns() + " FROM contract c WHERE " + where
                        + " ORDER BY c.register_year DESC, c.register_sequence DESC, c.id LIMIT :limit OFFSET :offset")
                .params(params).query((rs, i) -> flags.put(UUID.fromString(rs.getString("id")), flagsOf(rs))).list();
        Map<UUID, Contract> byId = new HashMap<>();
        contracts.findAllById(flags.keySet()).forEach(c -> byId.put(c.id(), c));
        List<ContractView> items = new ArrayList<>();
        flags.forEach((id, r) -> items.add(ContractView.of(byId.get(id), r)));
        return new PageImpl<>(items, PageRequest.of(page, size), total);
    }

    /** How many contracts of these towns carry each risk flag today (a contract may carry several). */
    @Transactional(readOnly = true)
    public Map<ContractRisk, Long> riskCounts(List<String> towns) {
        Map<String, Object> params = riskParams();
        params.put("towns", towns);
        StringBuilder sums = new StringBuilder();
        for (ContractRisk r : ContractRisk.values()) {
            sums.append(sums.length() == 0 ? "" : ", ").append("COALESCE(SUM(").append(r.condition).append("), 0) AS ")
                    .append(r.name());
        }
        return jdbc.sql("SELECT " + sums + " FROM contract c WHERE c.town_code IN (:towns)").params(params)
                .query((rs, i) -> {
                    Map<ContractRisk, Long> counts = new EnumMap<>(ContractRisk.class);
                    for (ContractRisk r : ContractRisk.values()) {
                        counts.put(r, rs.getLong(r.name()));
                    }
                    return counts;
                }).single();
    }

    // ---- the expiry job ----------------------------------------------------------------------------------------

    /**
     * Announces contracts ending within the reminder days, once each. Rows are claimed {@code FOR UPDATE SKIP
     * LOCKED}, so instances running the job at once share the work; the flag makes a second look harmless.
     * Returns how many contracts it announced.
     */
    @Transactional
    public int announceExpiring(int limit) {
        LocalDate today = today();
        LocalDate until = today.plusDays(properties.expiringDays());
        Instant now = clock.instant();
        int acted = 0;
        for (String id : jdbc.sql("""
                SELECT id FROM contract WHERE status IN ('SIGNED', 'IN_PERFORMANCE') AND expiry_announced = FALSE
                AND term_end BETWEEN ? AND ? ORDER BY term_end, id LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(today, until, limit).query(String.class).list()) {
            Contract c = contracts.findById(UUID.fromString(id)).orElseThrow();
            if (c.announceExpiry(today, until, now)) {
                contracts.save(c);
                publish(c);
                acted++;
            }
        }
        return acted;
    }

    // ---- historical import -------------------------------------------------------------------------------------

    /**
     * The office's old contract register: the whole file or nothing, rows already imported (same sourceId) skipped.
     * Register numbers are taken from the town's register of each contract's signing year, in file order.
     */
    public ImportResult importHistory(Caller caller, String town, ImportFile file) {
        caller.requireAnyRole(OFFICE);
        String townCode = jurisdictions.townForWrite(caller, town);
        List<ContractImport.Row> rows = ContractImport.rows(file);
        file.rejectIfInvalid();
        Set<Integer> years = new HashSet<>();
        rows.forEach(r -> years.add(r.history().signedOn().getYear()));
        years.forEach(y -> counter.prepare(scope(townCode), y, townCode, "town"));
        return tx.execute(s -> {
            Set<String> known = DocumentImports.knownIn(jdbc, "contract", townCode,
                    rows.stream().map(ContractImport.Row::sourceId).toList());
            List<ContractImport.Row> fresh = rows.stream().filter(r -> known.add(r.sourceId())).toList();
            IntUnaryOperator numbers = DocumentImports.numbers(fresh, r -> r.history().signedOn().getYear(),
                    (year, n) -> counter.reserve(scope(townCode), year, n));
            List<Contract> imported = new ArrayList<>();
            for (ContractImport.Row row : fresh) {
                int year = row.history().signedOn().getYear();
                imported.add(Contract.historical(UUID.randomUUID(), townCode, row.sourceId(), row.terms(), year,
                        numbers.applyAsInt(year), row.history(), caller.subject(), clock.instant()));
            }
            AggregateRows.persist(entityManager, jdbc, imported);
            return new ImportResult(imported.size(), rows.size() - fresh.size());
        });
    }

    // ---- internals ---------------------------------------------------------------------------------------------

    private Contract find(Caller caller, UUID id) {
        caller.requireAnyRole(ANY);
        Contract c = contracts.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Contract", id));
        if (!seesAll(caller) && !c.signingUnit().equals(caller.department())) {
            throw new NotFoundException("Contract", id);
        }
        return c;
    }

    /** The office, or the signing unit itself. */
    private Contract managed(Caller caller, UUID id) {
        Contract c = find(caller, id);
        if (!caller.hasAnyRole(OFFICE) && !(caller.hasRole(Roles.DEPARTMENT_HANDLER)
                && c.signingUnit().equals(caller.department()))) {
            throw new ForbiddenException("Only the office or the signing unit (" + c.signingUnit() + ") may do this");
        }
        return c;
    }

    private boolean seesAll(Caller caller) {
        return caller.hasAnyRole(OFFICE) || reviewers.covers(caller);
    }

    private ContractView saved(Contract c) {
        contracts.saveAndFlush(c);
        publish(c);
        return ContractView.of(c, risks(c.id()));
    }

    private void publish(Contract c) {
        String key = c.id().toString();
        for (ContractEvent e : c.pullEvents()) {
            if (e instanceof ContractEvent.Reviewed r) {
                outbox.append(DocumentTopics.CONTRACT_EVENTS, key, ContractReviewed.TYPE,
                        ContractReviewed.of(c.townCode(), c.id(), c.registerNumber(), c.title(), c.signingUnit(),
                                r.round(), r.reviewer(), r.outcome().name(), r.reviewedOn(), r.occurredAt()));
            } else if (e instanceof ContractEvent.Signed s) {
                outbox.append(DocumentTopics.CONTRACT_EVENTS, key, ContractSigned.TYPE,
                        ContractSigned.of(c.townCode(), c.id(), c.registerNumber(), c.title(), c.contractType().name(),
                                c.counterpartyName(), c.counterpartyCreditCode(), c.amount().movePointRight(2)
                                        .longValueExact(), c.termStart(), c.termEnd(), c.signingUnit(), s.signedOn(),
                                c.reviewOutcome().name(), s.occurredAt()));
            } else if (e instanceof ContractEvent.Closed x) {
                outbox.append(DocumentTopics.CONTRACT_EVENTS, key, ContractClosed.TYPE,
                        ContractClosed.of(c.townCode(), c.id(), c.registerNumber(), c.title(), c.signingUnit(),
                                x.outcome().name(), x.closedOn(), x.reason(), x.occurredAt()));
            } else if (e instanceof ContractEvent.Expiring x) {
                outbox.append(DocumentTopics.CONTRACT_EVENTS, key, ContractExpiring.TYPE,
                        ContractExpiring.of(c.townCode(), c.id(), c.registerNumber(), c.title(), c.signingUnit(),
                                c.counterpartyName(), x.termEnd(), x.daysLeft(), x.occurredAt()));
            }
        }
    }

    private List<ContractRisk> risks(UUID id) {
        Map<String, Object> params = riskParams();
        params.put("id", id.toString());
        return jdbc.sql("SELECT " + ContractRisk.columns() + " FROM contract c WHERE c.id = :id").params(params)
                .query((rs, i) -> flagsOf(rs)).single();
    }

    private static List<ContractRisk> flagsOf(ResultSet rs) throws SQLException {
        List<ContractRisk> flags = new ArrayList<>();
        for (ContractRisk r : ContractRisk.values()) {
            if (rs.getBoolean(r.name())) {
                flags.add(r);
            }
        }
        return flags;
    }

    private Map<String, Object> riskParams() {
        Map<String, Object> params = new HashMap<>();
        LocalDate today = today();
        params.put("today", today);
        params.put("expiringUntil", today.plusDays(properties.expiringDays()));
        return params;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    }

    private static String scope(String town) {
        return "合同:" + town;
    }
}
