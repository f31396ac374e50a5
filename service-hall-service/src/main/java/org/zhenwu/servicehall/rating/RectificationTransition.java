package org.zhenwu.servicehall.rating;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of a rectification case's audit trail. Append-only. */
@Entity
@Table(name = "rectification_transition")
class RectificationTransition {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private RectificationStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private RectificationStatus toStatus;
    @Column(updatable = false)
    private String actor;
    @Column(updatable = false)
    private String note;
    @Column(updatable = false)
    private Instant at;

    protected RectificationTransition() {
        // for JPA
    }

    RectificationTransition(RectificationStatus from, RectificationStatus to, String actor, String note, Instant at) {
        this.fromStatus = from;
        this.toStatus = to;
        this.actor = actor;
        this.note = note;
        this.at = at;
    }

    RectificationStatus fromStatus() { return fromStatus; }
    RectificationStatus toStatus() { return toStatus; }
    String actor() { return actor; }
    String note() { return note; }
    Instant at() { return at; }
}
