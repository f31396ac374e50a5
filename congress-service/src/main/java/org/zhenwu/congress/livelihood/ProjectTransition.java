package org.zhenwu.congress.livelihood;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of a project's audit trail. Append-only. */
@Entity
@Table(name = "livelihood_project_transition")
class ProjectTransition {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private ProjectStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private ProjectStatus toStatus;
    @Column(updatable = false)
    private String actor;
    @Column(updatable = false)
    private String note;
    @Column(updatable = false)
    private Instant at;

    protected ProjectTransition() {
        // for JPA
    }

    ProjectTransition(ProjectStatus from, ProjectStatus to, String actor, String note, Instant at) {
        this.fromStatus = from;
        this.toStatus = to;
        this.actor = actor;
        this.note = note;
        this.at = at;
    }

    ProjectStatus fromStatus() { return fromStatus; }
    ProjectStatus toStatus() { return toStatus; }
    String actor() { return actor; }
    String note() { return note; }
    Instant at() { return at; }
}
