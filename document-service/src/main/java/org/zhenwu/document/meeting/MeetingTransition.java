package org.zhenwu.document.meeting;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of a meeting's trail: a move, a reschedule, a sign-in, a leave. Append-only. */
@Entity
@Table(name = "meeting_transition")
class MeetingTransition {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private MeetingStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private MeetingStatus toStatus;
    @Column(updatable = false)
    private String action;
    @Column(updatable = false)
    private String actor;
    @Column(updatable = false)
    private String note;
    @Column(updatable = false)
    private Instant at;

    protected MeetingTransition() {
        // for JPA
    }

    MeetingTransition(MeetingStatus from, MeetingStatus to, String action, String actor, String note, Instant at) {
        this.fromStatus = from;
        this.toStatus = to;
        this.action = action;
        this.actor = actor;
        this.note = note;
        this.at = at;
    }

    MeetingStatus fromStatus() { return fromStatus; }
    MeetingStatus toStatus() { return toStatus; }
    String action() { return action; }
    String actor() { return actor; }
    String note() { return note; }
    Instant at() { return at; }
}
