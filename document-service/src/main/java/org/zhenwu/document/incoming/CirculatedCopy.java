package org.zhenwu.document.incoming;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One physical (or the electronic) copy of an incoming document, and who holds it right now. */
@Entity
@Table(name = "incoming_copy")
class CirculatedCopy {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private int copyNo;
    private String holder;
    private Instant since;

    protected CirculatedCopy() {
        // for JPA
    }

    CirculatedCopy(int copyNo, String holder, Instant since) {
        this.copyNo = copyNo;
        this.holder = holder;
        this.since = since;
    }

    void passTo(String to, Instant at) {
        holder = to;
        since = at;
    }

    int copyNo() { return copyNo; }
    String holder() { return holder; }
    Instant since() { return since; }
}
