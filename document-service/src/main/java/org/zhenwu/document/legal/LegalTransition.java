package org.zhenwu.document.legal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One line of a legal record's trail (a legality review, an opinion or a case): a move or an act. Append-only. It
 * names its record itself: three kinds of record share the table, so none of them can own the column.
 */
@Entity
@Table(name = "legal_transition")
class LegalTransition {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "record_id", updatable = false)
    private UUID recordId;
    @Column(updatable = false)
    private String fromStatus;
    @Column(updatable = false)
    private String toStatus;
    @Column(updatable = false)
    private String action;
    @Column(updatable = false)
    private String actor;
    @Column(updatable = false)
    private String note;
    @Column(updatable = false)
    private Instant at;

    protected LegalTransition() {
        // for JPA
    }

    LegalTransition(UUID recordId, Enum<?> from, Enum<?> to, String action, String actor, String note, Instant at) {
        this.recordId = recordId;
        this.fromStatus = from == null ? null : from.name();
        this.toStatus = to.name();
        this.action = action;
        this.actor = actor;
        this.note = note;
        this.at = at;
    }

    TrailEntry view() {
        return new TrailEntry(fromStatus, toStatus, action, actor, note, at);
    }
}
