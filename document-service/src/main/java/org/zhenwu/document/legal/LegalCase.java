package org.zhenwu.document.legal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * A case handled by the town's counsel (代理案件): an administrative or civil lawsuit, an administrative
 * reconsideration or an arbitration, with the town as one party. Registered, then in progress as hearings are
 * recorded, judged, possibly appealed (and in progress again at the next instance), and closed with an outcome. Only
 * a settlement or a withdrawal closes a case that was never judged.
 */
@Entity
@Table(name = "legal_case")
class LegalCase extends LegalRecord {
    private String sourceId;
    private String caseNumber;
    private String court;
    @Enumerated(EnumType.STRING)
    private CaseKind kind;
    @Enumerated(EnumType.STRING)
    private PartyRole ourRole;
    private String counterparty;
    private String counsel;
    private String cause;
    @Enumerated(EnumType.STRING)
    private CaseStatus status;
    private LocalDate registeredOn;
    private String registeredBy;
    private Instant createdAt;
    private LocalDate judgedOn;
    private String judgment;
    private int appeals;
    @Enumerated(EnumType.STRING)
    private CaseOutcome outcome;
    private LocalDate closedOn;
    private String closingNote;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "case_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<CaseHearing> hearings = new ArrayList<>();

    protected LegalCase() {
        // for JPA
    }

    private LegalCase(UUID id, String town) {
        super(id, town);
    }

    /** Who the case is between and who argues it. */
    record Parties(String caseNumber, String court, CaseKind kind, PartyRole ourRole, String counterparty,
                   String counsel, String cause) {
    }

    static LegalCase register(UUID id, String town, Parties p, LocalDate registeredOn, String by, LocalDate today,
                              Instant now) {
        day("registeredOn", registeredOn, null, today);
        LegalCase c = new LegalCase(id, town);
        c.caseNumber = p.caseNumber();
        c.court = p.court();
        c.kind = p.kind();
        c.ourRole = p.ourRole();
        c.counterparty = p.counterparty();
        c.counsel = p.counsel();
        c.cause = p.cause();
        c.registeredOn = registeredOn;
        c.registeredBy = by;
        c.createdAt = now;
        c.status = CaseStatus.REGISTERED;
        c.trail(null, CaseStatus.REGISTERED, "登记", by, p.caseNumber(), now);
        return c;
    }

    /** A case from the office's old register, in the state the register gives; no events. */
    static LegalCase historical(UUID id, String town, String sourceId, Parties p, LocalDate registeredOn,
                                CaseStatus status, LocalDate judgedOn, String judgment, CaseOutcome outcome,
                                LocalDate closedOn, String by, LocalDate today, Instant now) {
        LegalCase c = register(id, town, p, registeredOn, by, today, now);
        c.sourceId = sourceId;
        c.status = status;
        c.judgedOn = judgedOn;
        c.judgment = judgment;
        c.outcome = outcome;
        c.closedOn = closedOn;
        c.trail(CaseStatus.REGISTERED, status, "历史导入", by, sourceId, now);
        return c;
    }

    /** A hearing; the first one (or the first at the next instance) puts the case in progress. */
    void recordHearing(LocalDate heldOn, String description, String by, Instant now) {
        if (heldOn.isBefore(registeredOn)) {
            throw new InvalidFieldException("heldOn", "is before the case was registered (" + registeredOn + ")");
        }
        if (status == CaseStatus.IN_PROGRESS) {
            trail(status, status, "开庭", by, heldOn + " " + description, now);
        } else {
            moveTo(CaseStatus.IN_PROGRESS, "开庭", by, heldOn + " " + description, now);
        }
        hearings.add(new CaseHearing(heldOn, description, by, now));
    }

    /** 判决/裁决/复议决定. */
    void judge(LocalDate on, String summary, String by, LocalDate today, Instant now) {
        if (!status.canMoveTo(CaseStatus.JUDGED)) {
            throw new IllegalTransitionException("Legal case", id(), status, CaseStatus.JUDGED);
        }
        day("judgedOn", on, registeredOn, today);
        moveTo(CaseStatus.JUDGED, "判决", by, summary, now);
        judgedOn = on;
        judgment = summary;
    }

    /** 上诉 (by either party): the case goes to the next instance. */
    void appeal(LocalDate on, String note, String by, LocalDate today, Instant now) {
        if (!status.canMoveTo(CaseStatus.APPEALED)) {
            throw new IllegalTransitionException("Legal case", id(), status, CaseStatus.APPEALED);
        }
        day("appealedOn", on, judgedOn, today);
        moveTo(CaseStatus.APPEALED, "上诉", by, on + (note == null ? "" : " " + note), now);
        appeals++;
    }

    /** 结案 with the outcome; without a judgment only SETTLED or WITHDRAWN. */
    void close(CaseOutcome result, LocalDate on, String note, String by, LocalDate today, Instant now) {
        if (!status.canMoveTo(CaseStatus.CLOSED)) {
            throw new IllegalTransitionException("Legal case", id(), status, CaseStatus.CLOSED);
        }
        if (judgedOn == null && !result.withoutJudgment()) {
            throw new InvalidFieldException("outcome", "a case that was never judged closes SETTLED or WITHDRAWN");
        }
        day("closedOn", on, judgedOn != null ? judgedOn : registeredOn, today);
        moveTo(CaseStatus.CLOSED, "结案: " + result, by, note, now);
        outcome = result;
        closedOn = on;
        closingNote = note;
        raise(new LegalEvent.CaseClosed(result, on, now));
    }

    private void moveTo(CaseStatus next, String action, String actor, String note, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("Legal case", id(), status, next);
        }
        trail(status, next, action, actor, note, now);
        status = next;
    }

    String sourceId() { return sourceId; }
    String caseNumber() { return caseNumber; }
    String court() { return court; }
    CaseKind kind() { return kind; }
    PartyRole ourRole() { return ourRole; }
    String counterparty() { return counterparty; }
    String counsel() { return counsel; }
    String cause() { return cause; }
    CaseStatus status() { return status; }
    LocalDate registeredOn() { return registeredOn; }
    String registeredBy() { return registeredBy; }
    LocalDate judgedOn() { return judgedOn; }
    String judgment() { return judgment; }
    int appeals() { return appeals; }
    CaseOutcome outcome() { return outcome; }
    LocalDate closedOn() { return closedOn; }
    String closingNote() { return closingNote; }
    List<CaseHearing> hearings() { return hearings; }
}
