package org.zhenwu.document.research;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of a research visit's trail. Append-only. */
@Entity
@Table(name = "research_visit_transition")
class ResearchTransition {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private ResearchStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private ResearchStatus toStatus;
    @Column(updatable = false)
    private String action;
    @Column(updatable = false)
    private String actor;
    @Column(updatable = false)
    private String note;
    @Column(updatable = false)
    private Instant at;

    protected ResearchTransition() {
        // for JPA
    }

    ResearchTransition(ResearchStatus from, ResearchStatus to, String action, String actor, String note, Instant at) {
        this.fromStatus = from;
        this.toStatus = to;
        this.action = action;
        this.actor = actor;
        this.note = note;
        this.at = at;
    }

    ResearchStatus fromStatus() { return fromStatus; }
    ResearchStatus toStatus() { return toStatus; }
    String action() { return action; }
    String actor() { return actor; }
    String note() { return note; }
    Instant at() { return at; }
}
