package org.zhenwu.servicehall.queue;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of a ticket's audit trail (calls and recalls included). Append-only. */
@Entity
@Table(name = "ticket_transition")
class TicketTransition {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private TicketStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private TicketStatus toStatus;
    @Column(updatable = false)
    private String actor;
    @Column(updatable = false)
    private String note;
    @Column(updatable = false)
    private Instant at;

    protected TicketTransition() {
        // for JPA
    }

    TicketTransition(TicketStatus from, TicketStatus to, String actor, String note, Instant at) {
        this.fromStatus = from;
        this.toStatus = to;
        this.actor = actor;
        this.note = note;
        this.at = at;
    }

    TicketStatus fromStatus() { return fromStatus; }
    TicketStatus toStatus() { return toStatus; }
    String actor() { return actor; }
    String note() { return note; }
    Instant at() { return at; }
}
