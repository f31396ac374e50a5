package org.zhenwu.document.contract;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of a contract's trail: a move, a milestone done, an attachment, a reminder. Append-only. */
@Entity
@Table(name = "contract_transition")
class ContractTransition {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private ContractStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private ContractStatus toStatus;
    @Column(updatable = false)
    private String action;
    @Column(updatable = false)
    private String actor;
    @Column(updatable = false)
    private String note;
    @Column(updatable = false)
    private Instant at;

    protected ContractTransition() {
        // for JPA
    }

    ContractTransition(ContractStatus from, ContractStatus to, String action, String actor, String note, Instant at) {
        this.fromStatus = from;
        this.toStatus = to;
        this.action = action;
        this.actor = actor;
        this.note = note;
        this.at = at;
    }

    ContractStatus fromStatus() { return fromStatus; }
    ContractStatus toStatus() { return toStatus; }
    String action() { return action; }
    String actor() { return actor; }
    String note() { return note; }
    Instant at() { return at; }
}
