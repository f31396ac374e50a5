package org.zhenwu.document.disclosure;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of an item's trail. Append-only. */
@Entity
@Table(name = "disclosure_transition")
class DisclosureTransition {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private DisclosureStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private DisclosureStatus toStatus;
    @Column(updatable = false)
    private String action;
    @Column(updatable = false)
    private String actor;
    @Column(updatable = false)
    private String note;
    @Column(updatable = false)
    private Instant at;

    protected DisclosureTransition() {
        // for JPA
    }

    DisclosureTransition(DisclosureStatus from, DisclosureStatus to, String action, String actor, String note,
                         Instant at) {
        this.fromStatus = from;
        this.toStatus = to;
        this.action = action;
        this.actor = actor;
        this.note = note;
        this.at = at;
    }

    DisclosureStatus fromStatus() { return fromStatus; }
    DisclosureStatus toStatus() { return toStatus; }
    String action() { return action; }
    String actor() { return actor; }
    String note() { return note; }
    Instant at() { return at; }
}
