package org.zhenwu.document.outgoing;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** 会签: one co-signing department's agreement, pending until it gives it. */
@Entity
@Table(name = "outgoing_countersign")
class Countersign {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String department;
    private Boolean agreed;
    private String opinion;
    private String decidedBy;
    private Instant decidedAt;

    protected Countersign() {
        // for JPA
    }

    Countersign(String department) {
        this.department = department;
    }

    void decide(boolean agree, String opinion, String by, Instant at) {
        this.agreed = agree;
        this.opinion = opinion;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    void reset() {
        agreed = null;
        opinion = null;
        decidedBy = null;
        decidedAt = null;
    }

    boolean pending() {
        return agreed == null;
    }

    String department() { return department; }
    Boolean agreed() { return agreed; }
    String opinion() { return opinion; }
    String decidedBy() { return decidedBy; }
    Instant decidedAt() { return decidedAt; }
}
