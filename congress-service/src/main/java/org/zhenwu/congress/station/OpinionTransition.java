package org.zhenwu.congress.station;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of an opinion's audit trail. Append-only. */
@Entity
@Table(name = "public_opinion_transition")
class OpinionTransition {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private OpinionStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private OpinionStatus toStatus;
    @Column(updatable = false)
    private String actor;
    @Column(updatable = false)
    private String note;
    @Column(updatable = false)
    private Instant at;

    protected OpinionTransition() {
        // for JPA
    }

    OpinionTransition(OpinionStatus from, OpinionStatus to, String actor, String note, Instant at) {
        this.fromStatus = from;
        this.toStatus = to;
        this.actor = actor;
        this.note = note;
        this.at = at;
    }

    OpinionStatus fromStatus() { return fromStatus; }
    OpinionStatus toStatus() { return toStatus; }
    String actor() { return actor; }
    String note() { return note; }
    Instant at() { return at; }
}
