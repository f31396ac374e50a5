package org.zhenwu.document.emergency;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of a report's trail: a move, an overdue flag. Append-only. */
@Entity
@Table(name = "emergency_report_transition")
class EmergencyTransition {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private EmergencyStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private EmergencyStatus toStatus;
    @Column(updatable = false)
    private String action;
    @Column(updatable = false)
    private String actor;
    @Column(updatable = false)
    private String note;
    @Column(updatable = false)
    private Instant at;

    protected EmergencyTransition() {
        // for JPA
    }

    EmergencyTransition(EmergencyStatus from, EmergencyStatus to, String action, String actor, String note,
                        Instant at) {
        this.fromStatus = from;
        this.toStatus = to;
        this.action = action;
        this.actor = actor;
        this.note = note;
        this.at = at;
    }

    EmergencyStatus fromStatus() { return fromStatus; }
    EmergencyStatus toStatus() { return toStatus; }
    String action() { return action; }
    String actor() { return actor; }
    String note() { return note; }
    Instant at() { return at; }
}
