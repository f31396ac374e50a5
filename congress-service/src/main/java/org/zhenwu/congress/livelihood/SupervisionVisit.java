package org.zhenwu.congress.livelihood;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Deputies' visit to a project being built (监督视察), with the progress they found. */
@Entity
@Table(name = "livelihood_supervision_visit")
class SupervisionVisit {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(updatable = false)
    private LocalDate visitedOn;
    @Column(updatable = false)
    private Integer progressPercent;
    @Column(updatable = false)
    private String findings;
    @Column(updatable = false)
    private String participants;
    @Column(updatable = false)
    private String recordedBy;
    @Column(updatable = false)
    private Instant recordedAt;

    protected SupervisionVisit() {
        // for JPA
    }

    SupervisionVisit(LocalDate visitedOn, Integer progressPercent, String findings, String participants, String recordedBy,
                     Instant recordedAt) {
        this.visitedOn = visitedOn;
        this.progressPercent = progressPercent;
        this.findings = findings;
        this.participants = participants;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    LocalDate visitedOn() { return visitedOn; }
    Integer progressPercent() { return progressPercent; }
    String findings() { return findings; }
    String participants() { return participants; }
}
