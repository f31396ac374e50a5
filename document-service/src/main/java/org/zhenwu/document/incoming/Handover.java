package org.zhenwu.document.incoming;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** 传阅 history: a copy passed from one holder to the next. Append-only. */
@Entity
@Table(name = "incoming_handover")
class Handover {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(updatable = false)
    private int copyNo;
    @Column(updatable = false)
    private String fromHolder;
    @Column(updatable = false)
    private String toHolder;
    @Column(updatable = false)
    private String handedBy;
    @Column(updatable = false)
    private Instant at;

    protected Handover() {
        // for JPA
    }

    Handover(int copyNo, String fromHolder, String toHolder, String handedBy, Instant at) {
        this.copyNo = copyNo;
        this.fromHolder = fromHolder;
        this.toHolder = toHolder;
        this.handedBy = handedBy;
        this.at = at;
    }

    int copyNo() { return copyNo; }
    String fromHolder() { return fromHolder; }
    String toHolder() { return toHolder; }
    String handedBy() { return handedBy; }
    Instant at() { return at; }
}
