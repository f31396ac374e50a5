package org.zhenwu.document.incoming;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of an incoming document's audit trail: a move, or an act within a step (from = to). Append-only. */
@Entity
@Table(name = "incoming_transition")
class IncomingTransition {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private IncomingStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private IncomingStatus toStatus;
    @Column(updatable = false)
    private String action;
    @Column(updatable = false)
    private String actor;
    @Column(updatable = false)
    private String note;
    @Column(updatable = false)
    private Instant at;

    protected IncomingTransition() {
        // for JPA
    }

    IncomingTransition(IncomingStatus from, IncomingStatus to, String action, String actor, String note, Instant at) {
        this.fromStatus = from;
        this.toStatus = to;
        this.action = action;
        this.actor = actor;
        this.note = note;
        this.at = at;
    }

    IncomingStatus fromStatus() { return fromStatus; }
    IncomingStatus toStatus() { return toStatus; }
    String action() { return action; }
    String actor() { return actor; }
    String note() { return note; }
    Instant at() { return at; }
}
