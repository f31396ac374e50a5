package org.zhenwu.servicehall.matter;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of a matter's audit trail: who moved it from what to what, when, and why. Append-only. */
@Entity
@Table(name = "matter_transition")
class MatterTransition {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private MatterStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private MatterStatus toStatus;
    @Column(updatable = false)
    private String actor;
    @Column(updatable = false)
    private String note;
    @Column(updatable = false)
    private Instant at;

    protected MatterTransition() {
        // for JPA
    }

    MatterTransition(MatterStatus from, MatterStatus to, String actor, String note, Instant at) {
        this.fromStatus = from;
        this.toStatus = to;
        this.actor = actor;
        this.note = note;
        this.at = at;
    }

    MatterStatus fromStatus() { return fromStatus; }
    MatterStatus toStatus() { return toStatus; }
    String actor() { return actor; }
    String note() { return note; }
    Instant at() { return at; }
}
