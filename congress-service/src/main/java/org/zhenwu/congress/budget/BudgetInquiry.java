package org.zhenwu.congress.budget;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.zhenwu.platform.web.IllegalTransitionException;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A deputy's question on a budget line (询问): why a project lags, what an overspend bought. The department that
 * spends the line answers it, once.
 */
@Entity
@Table(name = "budget_inquiry")
class BudgetInquiry {
    @Id
    private UUID id;
    private String townCode;
    private UUID lineId;
    private String department;
    private UUID deputyId;
    private String question;
    private LocalDate askedOn;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String answer;
    private String answeredBy;
    private Instant answeredAt;
    private String createdBy;
    @Version
    private long version;

    protected BudgetInquiry() {
        // for JPA
    }

    static BudgetInquiry ask(UUID id, BudgetLine line, UUID deputyId, String question, LocalDate askedOn,
                             String actor) {
        BudgetInquiry q = new BudgetInquiry();
        q.id = id;
        q.townCode = line.townCode();
        q.lineId = line.id();
        q.department = line.department();
        q.deputyId = deputyId;
        q.question = question;
        q.askedOn = askedOn;
        q.status = Status.OPEN;
        q.createdBy = actor;
        return q;
    }

    void answer(String text, String actor, Instant now) {
        if (status != Status.OPEN) {
            throw new IllegalTransitionException("Budget inquiry", id, status.name(), Status.ANSWERED.name(),
                    "Inquiry " + id + " was answered on " + answeredAt);
        }
        status = Status.ANSWERED;
        answer = text;
        answeredBy = actor;
        answeredAt = now;
    }

    /** OPEN ─► ANSWERED. */
    enum Status { OPEN, ANSWERED }

    UUID id() { return id; }
    String townCode() { return townCode; }
    UUID lineId() { return lineId; }
    String department() { return department; }
    UUID deputyId() { return deputyId; }
    String question() { return question; }
    LocalDate askedOn() { return askedOn; }
    Status status() { return status; }
    String answer() { return answer; }
    String answeredBy() { return answeredBy; }
    Instant answeredAt() { return answeredAt; }
}
