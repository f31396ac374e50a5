package org.zhenwu.document.preparedness;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of a plan's history: approval, review or revision, with the version then in force. Append-only. */
@Entity
@Table(name = "emergency_plan_review")
class PlanReview {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private ReviewKind kind;
    @Column(updatable = false)
    private LocalDate reviewedOn;
    @Column(updatable = false)
    private String planVersion;
    @Column(updatable = false)
    private LocalDate approvedOn;
    @Column(updatable = false)
    private LocalDate nextReviewOn;
    @Column(updatable = false)
    private String note;
    @Column(updatable = false)
    private String actor;
    @Column(updatable = false)
    private Instant at;

    protected PlanReview() {
        // for JPA
    }

    PlanReview(ReviewKind kind, LocalDate reviewedOn, String planVersion, LocalDate approvedOn, LocalDate nextReviewOn,
               String note, String actor, Instant at) {
        this.kind = kind;
        this.reviewedOn = reviewedOn;
        this.planVersion = planVersion;
        this.approvedOn = approvedOn;
        this.nextReviewOn = nextReviewOn;
        this.note = note;
        this.actor = actor;
        this.at = at;
    }

    ReviewKind kind() { return kind; }
    LocalDate reviewedOn() { return reviewedOn; }
    String planVersion() { return planVersion; }
    LocalDate approvedOn() { return approvedOn; }
    LocalDate nextReviewOn() { return nextReviewOn; }
    String note() { return note; }
    String actor() { return actor; }
    Instant at() { return at; }
}
