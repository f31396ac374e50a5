package org.zhenwu.document.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.web.ForbiddenException;
import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.platform.web.NotFoundException;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/**
 * A contract of the town (合同), entered in the town's contract register with a gap-free number per year. It is
 * drafted, reviewed by counsel (法制审核) — never by its own drafter; a rejection sends it back for revision and the
 * rejected round stays on record — signed only after a passing review, performed milestone by milestone (履约节点),
 * and completed or terminated. Imported historical contracts may lack a review: they carry the NO_REVIEW risk.
 */
@Entity
@Table(name = "contract")
class Contract {
    static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999.99");

    @Id
    private UUID id;
    private String townCode;
    private String sourceId;
    private int registerYear;
    private int registerSequence;
    private String title;
    @Enumerated(EnumType.STRING)
    private ContractType contractType;
    private String counterpartyName;
    private String counterpartyCreditCode;
    private BigDecimal amount;
    private LocalDate termStart;
    private LocalDate termEnd;
    private String signingUnit;
    @Enumerated(EnumType.STRING)
    private ContractStatus status;
    private String draftedBy;
    private Instant createdAt;
    @Enumerated(EnumType.STRING)
    private ReviewOutcome reviewOutcome;
    private String reviewedBy;
    private LocalDate reviewedOn;
    private String signedBy;
    private LocalDate signedOn;
    private LocalDate closedOn;
    private String terminationReason;
    private boolean expiryAnnounced;
    private boolean imported;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "contract_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<ContractReview> reviews = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "contract_id", nullable = false, updatable = false)
    @OrderBy("dueDate, id")
    private List<ContractMilestone> milestones = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "contract_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<ContractTransition> transitions = new ArrayList<>();

    @Transient
    private final List<ContractEvent> pendingEvents = new ArrayList<>();

    protected Contract() {
        // for JPA
    }

    /** What the parties agree on; {@link #checked()} enforces the register's rules, naming the field. */
    record Terms(String title, ContractType type, String counterpartyName, String counterpartyCreditCode,
                 BigDecimal amount, LocalDate termStart, LocalDate termEnd, String signingUnit) {

        Terms checked() {
            required("title", title);
            if (type == null) {
                throw new InvalidFieldException("type", "is required");
            }
            required("counterpartyName", counterpartyName);
            String code = CreditCode.checked("counterpartyCreditCode", counterpartyCreditCode);
            if (amount == null) {
                throw new InvalidFieldException("amount", "is required");
            }
            if (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0 || amount.stripTrailingZeros().scale() > 2) {
                throw new InvalidFieldException("amount", "must be from 0 to " + MAX_AMOUNT.toPlainString()
                        + " with at most two decimals");
            }
            if (termStart == null) {
                throw new InvalidFieldException("termStart", "is required");
            }
            if (termEnd == null) {
                throw new InvalidFieldException("termEnd", "is required");
            }
            if (termEnd.isBefore(termStart)) {
                throw new InvalidFieldException("termEnd", "must not be before termStart");
            }
            required("signingUnit", signingUnit);
            return new Terms(title.strip(), type, counterpartyName.strip(), code, amount.setScale(2), termStart,
                    termEnd, signingUnit.strip());
        }

        private static void required(String field, String value) {
            if (value == null || value.isBlank()) {
                throw new InvalidFieldException(field, "is required");
            }
        }
    }

    /** What a historical register says happened to an imported contract. */
    record History(ContractStatus status, LocalDate signedOn, ReviewOutcome reviewOutcome, String reviewer,
                   LocalDate reviewedOn, LocalDate closedOn, String terminationReason) {
    }

    static Contract register(UUID id, String town, Terms terms, int year, int sequence, String by, Instant now) {
        Contract c = new Contract();
        c.id = id;
        c.townCode = town;
        c.registerYear = year;
        c.registerSequence = sequence;
        c.apply(terms.checked());
        c.status = ContractStatus.DRAFT;
        c.draftedBy = by;
        c.createdAt = now;
        c.transitions.add(new ContractTransition(null, ContractStatus.DRAFT, "登记", by, c.registerNumber(), now));
        return c;
    }

    /** A contract from the office's old register, in the state the register gives; no events. */
    static Contract historical(UUID id, String town, String sourceId, Terms terms, int year, int sequence, History h,
                               String by, Instant now) {
        Contract c = new Contract();
        c.id = id;
        c.townCode = town;
        c.sourceId = sourceId;
        c.imported = true;
        c.registerYear = year;
        c.registerSequence = sequence;
        c.apply(terms.checked());
        c.draftedBy = by;
        c.createdAt = now;
        if (h.reviewOutcome() != null) {
            ContractReview r = new ContractReview(town, 1, by, "历史导入", now);
            r.conclude(h.reviewer(), h.reviewOutcome(), null, h.reviewedOn(),
                    h.reviewedOn().atStartOfDay(WorkingDayCalendar.ZONE).toInstant());
            c.reviews.add(r);
            c.reviewOutcome = h.reviewOutcome();
            c.reviewedBy = h.reviewer();
            c.reviewedOn = h.reviewedOn();
        }
        c.status = h.status();
        c.signedOn = h.signedOn();
        c.signedBy = by;
        c.closedOn = h.closedOn();
        c.terminationReason = h.terminationReason();
        c.transitions.add(new ContractTransition(null, h.status(), "历史导入", by, sourceId, now));
        return c;
    }

    /** The drafter revises a draft (after a rejected review, say). */
    void revise(Terms terms, String by, Instant now) {
        if (status != ContractStatus.DRAFT) {
            throw new IllegalTransitionException("Contract", id, status.name(), null,
                    "Only a draft is revised; contract " + id + " is " + status);
        }
        Terms t = terms.checked();
        if (milestoneTotal().compareTo(t.amount()) > 0) {
            throw new InvalidFieldException("amount", "is less than its milestones' amounts together");
        }
        apply(t);
        audit("修改", by, null, now);
    }

    /** 提请法制审核: opens a new review round. */
    void requestReview(String note, String by, Instant now) {
        moveTo(ContractStatus.UNDER_REVIEW, "提请法制审核", by, note, now);
        reviews.add(new ContractReview(townCode, reviews.size() + 1, by, note, now));
    }

    /**
     * Counsel concludes the open round. A passing outcome makes the contract ready to sign; a rejection sends it back
     * to the drafter, and the round stays on record.
     *
     * @throws ForbiddenException the reviewer drafted the contract
     */
    void concludeReview(ReviewOutcome outcome, String opinion, String reviewer, LocalDate today, Instant now) {
        if (reviewer.equals(draftedBy)) {
            throw new ForbiddenException("The drafter of a contract does not review it");
        }
        moveTo(outcome.passing() ? ContractStatus.REVIEWED : ContractStatus.DRAFT, "法制审核: " + outcome, reviewer,
                opinion, now);
        ContractReview round = reviews.get(reviews.size() - 1);
        round.conclude(reviewer, outcome, opinion, today, now);
        reviewOutcome = outcome;
        reviewedBy = reviewer;
        reviewedOn = today;
        pendingEvents.add(new ContractEvent.Reviewed(round.round(), reviewer, outcome, today, now));
    }

    /** 签订, only after a passing review, on a day from the review's to today. */
    void sign(LocalDate on, String by, LocalDate today, Instant now) {
        if (status.canMoveTo(ContractStatus.SIGNED) && (reviewOutcome == null || !reviewOutcome.passing())) {
            throw new IllegalTransitionException("Contract", id, status.name(), ContractStatus.SIGNED.name(),
                    "Contract " + id + " has no passing legal review");
        }
        if (on.isAfter(today)) {
            throw new InvalidFieldException("signedOn", "is in the future");
        }
        if (reviewedOn != null && on.isBefore(reviewedOn)) {
            throw new InvalidFieldException("signedOn",
                    "is before the legal review was concluded (" + reviewedOn + ")");
        }
        moveTo(ContractStatus.SIGNED, "签订", by, "签订日期 " + on, now);
        signedOn = on;
        signedBy = by;
        pendingEvents.add(new ContractEvent.Signed(on, now));
    }

    /** 开始履行. */
    void startPerformance(String by, Instant now) {
        moveTo(ContractStatus.IN_PERFORMANCE, "开始履行", by, null, now);
    }

    /** A milestone is planned while the contract is open; milestone payments never exceed the contract amount. */
    ContractMilestone addMilestone(LocalDate dueDate, String description, BigDecimal amount, String by, Instant now) {
        if (status.closed()) {
            throw new IllegalTransitionException("Contract", id, status.name(), null,
                    "Contract " + id + " is " + status + ": no more milestones");
        }
        if (amount != null && (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2)) {
            throw new InvalidFieldException("amount", "must not be negative and has at most two decimals");
        }
        if (amount != null && milestoneTotal().add(amount).compareTo(this.amount) > 0) {
            throw new InvalidFieldException("amount", "the milestones' amounts would exceed the contract amount "
                    + this.amount.toPlainString());
        }
        ContractMilestone m = new ContractMilestone(UUID.randomUUID(), dueDate, description,
                amount == null ? null : amount.setScale(2));
        milestones.add(m);
        audit("履约节点", by, dueDate + " " + description, now);
        return m;
    }

    /** A milestone is done, while the contract is performed. */
    void completeMilestone(UUID milestoneId, LocalDate on, String note, String by, LocalDate today, Instant now) {
        ContractMilestone m = milestones.stream().filter(x -> x.id().equals(milestoneId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Milestone", milestoneId));
        if (status != ContractStatus.IN_PERFORMANCE) {
            throw new IllegalTransitionException("Contract", id, status.name(), null,
                    "Milestones are done while the contract is performed; contract " + id + " is " + status);
        }
        if (m.isDone()) {
            throw new IllegalTransitionException("Contract", id, status.name(), null,
                    "Milestone " + milestoneId + " was already done on " + m.doneOn());
        }
        if (on.isAfter(today)) {
            throw new InvalidFieldException("doneOn", "is in the future");
        }
        m.done(on, by, note);
        audit("履约节点完成", by, m.description() + (note == null ? "" : ": " + note), now);
    }

    /** 履行完毕, once every milestone is done. */
    void complete(LocalDate on, String by, LocalDate today, Instant now) {
        if (status == ContractStatus.IN_PERFORMANCE && milestones.stream().anyMatch(m -> !m.isDone())) {
            throw new IllegalTransitionException("Contract", id, status.name(), ContractStatus.COMPLETED.name(),
                    "Contract " + id + " has milestones not yet done");
        }
        closeOn(on, today);
        moveTo(ContractStatus.COMPLETED, "履行完毕", by, null, now);
        closedOn = on;
        pendingEvents.add(new ContractEvent.Closed(ContractStatus.COMPLETED, on, null, now));
    }

    /** 解除/终止, with the reason. */
    void terminate(String reason, LocalDate on, String by, LocalDate today, Instant now) {
        closeOn(on, today);
        moveTo(ContractStatus.TERMINATED, "解除/终止", by, reason, now);
        closedOn = on;
        terminationReason = reason;
        pendingEvents.add(new ContractEvent.Closed(ContractStatus.TERMINATED, on, reason, now));
    }

    /**
     * The expiry reminder, once, when the contract is signed or performed and ends between today and
     * {@code until}; false otherwise (the job may see a contract twice).
     */
    boolean announceExpiry(LocalDate today, LocalDate until, Instant now) {
        if (expiryAnnounced || (status != ContractStatus.SIGNED && status != ContractStatus.IN_PERFORMANCE)
                || termEnd.isBefore(today) || termEnd.isAfter(until)) {
            return false;
        }
        expiryAnnounced = true;
        int daysLeft = (int) ChronoUnit.DAYS.between(today, termEnd);
        audit("到期提醒", "system", "合同期限至 " + termEnd, now);
        pendingEvents.add(new ContractEvent.Expiring(termEnd, daysLeft, now));
        return true;
    }

    /** The signed scan or another file was attached. */
    void noteAttachment(String fileName, String by, Instant now) {
        audit("上传附件", by, fileName, now);
    }

    List<ContractEvent> pullEvents() {
        List<ContractEvent> events = List.copyOf(pendingEvents);
        pendingEvents.clear();
        return events;
    }

    String registerNumber() {
        return "合同〔" + registerYear + "〕" + registerSequence + "号";
    }

    private void closeOn(LocalDate on, LocalDate today) {
        if (on.isAfter(today)) {
            throw new InvalidFieldException("closedOn", "is in the future");
        }
        if (signedOn != null && on.isBefore(signedOn)) {
            throw new InvalidFieldException("closedOn", "is before the contract was signed (" + signedOn + ")");
        }
    }

    private BigDecimal milestoneTotal() {
        return milestones.stream().map(ContractMilestone::amount).filter(a -> a != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private void apply(Terms t) {
        title = t.title();
        contractType = t.type();
        counterpartyName = t.counterpartyName();
        counterpartyCreditCode = t.counterpartyCreditCode();
        amount = t.amount();
        termStart = t.termStart();
        termEnd = t.termEnd();
        signingUnit = t.signingUnit();
    }

    private void moveTo(ContractStatus next, String action, String actor, String note, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("Contract", id, status, next);
        }
        transitions.add(new ContractTransition(status, next, action, actor, note, now));
        status = next;
    }

    private void audit(String action, String actor, String note, Instant now) {
        transitions.add(new ContractTransition(status, status, action, actor, note, now));
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    String sourceId() { return sourceId; }
    int registerYear() { return registerYear; }
    int registerSequence() { return registerSequence; }
    String title() { return title; }
    ContractType contractType() { return contractType; }
    String counterpartyName() { return counterpartyName; }
    String counterpartyCreditCode() { return counterpartyCreditCode; }
    BigDecimal amount() { return amount; }
    LocalDate termStart() { return termStart; }
    LocalDate termEnd() { return termEnd; }
    String signingUnit() { return signingUnit; }
    ContractStatus status() { return status; }
    String draftedBy() { return draftedBy; }
    Instant createdAt() { return createdAt; }
    ReviewOutcome reviewOutcome() { return reviewOutcome; }
    String reviewedBy() { return reviewedBy; }
    LocalDate reviewedOn() { return reviewedOn; }
    String signedBy() { return signedBy; }
    LocalDate signedOn() { return signedOn; }
    LocalDate closedOn() { return closedOn; }
    String terminationReason() { return terminationReason; }
    boolean expiryAnnounced() { return expiryAnnounced; }
    boolean imported() { return imported; }
    List<ContractReview> reviews() { return reviews; }
    List<ContractMilestone> milestones() { return milestones; }
    List<ContractTransition> transitions() { return transitions; }
}
