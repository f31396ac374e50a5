package org.zhenwu.document.archive;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.contracts.document.v1.DocumentTopics;
import org.zhenwu.contracts.document.v1.ItemsDestroyed;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.outbox.Outbox;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.platform.web.NotFoundException;

/**
 * Keeping the archive: loans (借阅) — requested, approved by the office, lent, returned; one item out to one borrower
 * at a time; overdue loans flagged — and destruction (销毁) of items whose retention has ended: the office's appraisal
 * request, a town leader's approval, the destruction, and the register of what was destroyed. 永久 items are never
 * destroyed, and nothing is destroyed without approval.
 */
@Service
public class ArchiveCustodyService {
    private static final String[] BORROWERS = {Roles.OFFICE_CLERK, Roles.TOWN_LEADER, Roles.DEPARTMENT_HANDLER,
            Roles.DISTRICT_ADMIN};

    private final ArchiveService archive;
    private final ArchiveItemRepository items;
    private final ArchiveLoanRepository loans;
    private final ArchiveDestructionRepository destructions;
    private final Jurisdictions jurisdictions;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final Clock clock;

    ArchiveCustodyService(ArchiveService archive, ArchiveItemRepository items, ArchiveLoanRepository loans,
                          ArchiveDestructionRepository destructions, Jurisdictions jurisdictions, Outbox outbox,
                          JdbcClient jdbc, Clock clock) {
        this.archive = archive;
        this.items = items;
        this.loans = loans;
        this.destructions = destructions;
        this.jurisdictions = jurisdictions;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ---- loans ---------------------------------------------------------------------------------------------

    /** Anyone of the town asks to borrow an item still in the archive. */
    @Transactional
    public LoanView requestLoan(Caller caller, UUID itemId, String borrower, String purpose, LocalDate due) {
        caller.requireAnyRole(BORROWERS);
        ArchiveItem i = archive.find(caller, itemId);
        if (i.status() != ArchiveItemStatus.ARCHIVED) {
            throw new ArchiveRuleViolation("item-destroyed", i.code() + " was destroyed");
        }
        if (due.isBefore(today())) {
            throw new InvalidFieldException("dueDate", "is in the past");
        }
        ArchiveLoan l = ArchiveLoan.request(UUID.randomUUID(), i.townCode(), itemId, borrower, purpose, due,
                caller.subject(), clock.instant());
        loans.save(l);
        return LoanView.of(l, i.code(), today());
    }

    @Transactional
    public LoanView approveLoan(Caller caller, UUID loanId) {
        ArchiveLoan l = officeLoan(caller, loanId);
        l.approve(caller.subject(), clock.instant());
        return saved(l);
    }

    @Transactional
    public LoanView refuseLoan(Caller caller, UUID loanId, String reason) {
        ArchiveLoan l = officeLoan(caller, loanId);
        l.refuse(reason, caller.subject(), clock.instant());
        return saved(l);
    }

    /** Hands the item out; refused while another borrower has it (the table's unique key backs this up). */
    @Transactional
    public LoanView lend(Caller caller, UUID loanId) {
        ArchiveLoan l = officeLoan(caller, loanId);
        ArchiveItem i = items.findById(l.itemId()).orElseThrow();
        if (i.status() != ArchiveItemStatus.ARCHIVED) {
            throw new ArchiveRuleViolation("item-destroyed", i.code() + " was destroyed");
        }
        loans.findByLentItemId(l.itemId()).ifPresent(other -> {
            throw new ArchiveRuleViolation("item-on-loan", i.code() + " is lent to " + other.borrower()
                    + " until it comes back");
        });
        l.lend(caller.subject(), clock.instant());
        loans.saveAndFlush(l);
        return LoanView.of(l, i.code(), today());
    }

    @Transactional
    public LoanView giveBack(Caller caller, UUID loanId) {
        ArchiveLoan l = officeLoan(caller, loanId);
        l.giveBack(clock.instant());
        return saved(l);
    }

    /** Loans of the caller's towns (a department handler: those they asked for); {@code overdue}: only late ones. */
    @Transactional(readOnly = true)
    public List<LoanView> loans(Caller caller, String town, LoanStatus status, Boolean overdue) {
        caller.requireAnyRole(BORROWERS);
        Map<String, Object> p = new HashMap<>();
        p.put("towns", jurisdictions.readScope(caller, town).codes());
        StringBuilder where = new StringBuilder("town_code IN (:towns)");
        if (!caller.hasAnyRole(ArchiveService.OVERSEERS)) {
            where.append(" AND requested_by = :me");
            p.put("me", caller.subject());
        }
        if (status != null) {
            where.append(" AND status = :status");
            p.put("status", status.name());
        }
        if (Boolean.TRUE.equals(overdue)) {
            where.append(" AND status = 'LENT' AND due_date < :today");
            p.put("today", today());
        }
        List<UUID> ids = jdbc.sql("SELECT id FROM archive_loan WHERE " + where + " ORDER BY due_date, id LIMIT 1000")
                .params(p).query(String.class).list().stream().map(UUID::fromString).toList();
        Map<UUID, ArchiveLoan> byId = new HashMap<>();
        loans.findAllById(ids).forEach(l -> byId.put(l.id(), l));
        Map<UUID, String> codes = new HashMap<>();
        items.findAllById(byId.values().stream().map(ArchiveLoan::itemId).distinct().toList())
                .forEach(i -> codes.put(i.id(), i.code()));
        LocalDate today = today();
        return ids.stream().map(byId::get).map(l -> LoanView.of(l, codes.get(l.itemId()), today)).toList();
    }

    // ---- destruction ---------------------------------------------------------------------------------------

    /** 鉴定: the office proposes items whose retention has ended for destruction. */
    @Transactional
    public DestructionView requestDestruction(Caller caller, String town, List<UUID> itemIds, String reason) {
        caller.requireAnyRole(ArchiveService.OFFICE);
        String townCode = jurisdictions.townForWrite(caller, town);
        List<ArchiveItem> chosen = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int year = today().getYear();
        for (UUID id : new LinkedHashSet<>(itemIds)) {
            ArchiveItem i = items.findByIdAndTownCodeIn(id, List.of(townCode)).orElse(null);
            if (i == null) {
                problems.add(id + " is not an item of town " + townCode);
            } else if (i.status() != ArchiveItemStatus.ARCHIVED) {
                problems.add(i.code() + " was destroyed already");
            } else if (!i.retentionEnded(year)) {
                problems.add(i.code() + (i.retention() == Retention.PERMANENT ? " is kept permanently"
                        : " is kept until the end of " + i.retention().lastYear(i.year())));
            } else if (loans.findByLentItemId(id).isPresent()) {
                problems.add(i.code() + " is out on loan");
            } else {
                chosen.add(i);
            }
        }
        destructions.itemsInOpenDestructions(itemIds).forEach(id -> problems.add(id + " is in another open request"));
        if (!problems.isEmpty()) {
            throw new InvalidFieldException("itemIds", String.join("; ", problems));
        }
        ArchiveDestruction d = ArchiveDestruction.request(UUID.randomUUID(), townCode, chosen, reason, caller.subject(),
                clock.instant());
        destructions.save(d);
        return DestructionView.of(d);
    }

    /** A town leader approves or rejects. */
    @Transactional
    public DestructionView decideDestruction(Caller caller, UUID id, boolean approve, String note) {
        caller.requireAnyRole(Roles.TOWN_LEADER);
        ArchiveDestruction d = findDestruction(caller, id);
        d.decide(approve, note, caller.subject(), clock.instant());
        return DestructionView.of(d);
    }

    /** Carries out an approved destruction; announced as {@code document.ItemsDestroyed}. */
    @Transactional
    public DestructionView destroy(Caller caller, UUID id, String method) {
        caller.requireAnyRole(ArchiveService.OFFICE);
        ArchiveDestruction d = findDestruction(caller, id);
        d.destroyed(method, caller.subject(), clock.instant());
        for (ArchiveItem i : items.findAllById(d.itemIds())) {
            if (loans.findByLentItemId(i.id()).isPresent()) {
                throw new ArchiveRuleViolation("item-on-loan", i.code() + " is out on loan: it comes back first");
            }
            i.destroy(clock.instant());
        }
        outbox.append(DocumentTopics.ARCHIVE_EVENTS, d.id().toString(), ItemsDestroyed.TYPE, ItemsDestroyed.of(
                d.townCode(), d.id(), d.decidedBy(), d.destroyedBy(), d.items().stream()
                        .map(e -> new ItemsDestroyed.Item(e.itemId(), e.archiveCode())).toList(), d.destroyedAt()));
        return DestructionView.of(d);
    }

    /** Requests of a status, newest first; DESTROYED ones are the destruction register (销毁清册). */
    @Transactional(readOnly = true)
    public List<DestructionView> destructions(Caller caller, String town, DestructionStatus status) {
        caller.requireAnyRole(ArchiveService.OVERSEERS);
        List<String> towns = jurisdictions.readScope(caller, town).codes();
        return destructions.findByTownCodeInAndStatusOrderByRequestedAtDesc(towns, status).stream().map(DestructionView::of).toList();
    }

    // ---- internals -----------------------------------------------------------------------------------------

    private ArchiveLoan officeLoan(Caller caller, UUID loanId) {
        caller.requireAnyRole(ArchiveService.OFFICE);
        return loans.findByIdAndTownCodeIn(loanId, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Archive loan", loanId));
    }

    private ArchiveDestruction findDestruction(Caller caller, UUID id) {
        return destructions.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Archive destruction", id));
    }

    private LoanView saved(ArchiveLoan l) {
        loans.save(l);
        return LoanView.of(l, items.findById(l.itemId()).map(ArchiveItem::code).orElse(null), today());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    }
}
