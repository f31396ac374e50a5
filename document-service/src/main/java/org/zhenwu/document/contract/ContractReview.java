package org.zhenwu.document.contract;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One round of legal review (法制审核): requested, then concluded with an outcome and counsel's opinion. */
@Entity
@Table(name = "contract_review")
class ContractReview {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String townCode;
    private int round;
    private String requestedBy;
    private Instant requestedAt;
    private String requestNote;
    private String reviewer;
    @Enumerated(EnumType.STRING)
    private ReviewOutcome outcome;
    private String opinion;
    private Instant concludedAt;
    private LocalDate concludedOn;

    protected ContractReview() {
        // for JPA
    }

    ContractReview(String townCode, int round, String requestedBy, String requestNote, Instant requestedAt) {
        this.townCode = townCode;
        this.round = round;
        this.requestedBy = requestedBy;
        this.requestNote = requestNote;
        this.requestedAt = requestedAt;
    }

    void conclude(String reviewer, ReviewOutcome outcome, String opinion, LocalDate on, Instant at) {
        this.reviewer = reviewer;
        this.outcome = outcome;
        this.opinion = opinion;
        this.concludedOn = on;
        this.concludedAt = at;
    }

    boolean open() { return outcome == null; }
    int round() { return round; }
    String requestedBy() { return requestedBy; }
    Instant requestedAt() { return requestedAt; }
    String requestNote() { return requestNote; }
    String reviewer() { return reviewer; }
    ReviewOutcome outcome() { return outcome; }
    String opinion() { return opinion; }
    Instant concludedAt() { return concludedAt; }
    LocalDate concludedOn() { return concludedOn; }
}
