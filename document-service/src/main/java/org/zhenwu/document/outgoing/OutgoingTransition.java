package org.zhenwu.document.outgoing;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of an outgoing document's audit trail: a move, or an act within a step (from = to). Append-only. */
@Entity
@Table(name = "outgoing_transition")
class OutgoingTransition {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private OutgoingStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private OutgoingStatus toStatus;
    @Column(updatable = false)
    private String action;
    @Column(updatable = false)
    private String actor;
    @Column(updatable = false)
    private String note;
    @Column(updatable = false)
    private Instant at;

    protected OutgoingTransition() {
        // for JPA
    }

    OutgoingTransition(OutgoingStatus from, OutgoingStatus to, String action, String actor, String note, Instant at) {
        this.fromStatus = from;
        this.toStatus = to;
        this.action = action;
        this.actor = actor;
        this.note = note;
        this.at = at;
    }

    OutgoingStatus fromStatus() { return fromStatus; }
    OutgoingStatus toStatus() { return toStatus; }
    String action() { return action; }
    String actor() { return actor; }
    String note() { return note; }
    Instant at() { return at; }
}
