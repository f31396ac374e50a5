package org.zhenwu.document.incoming;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Someone on the 传阅 list: the document is not done with until they have read it. */
@Entity
@Table(name = "incoming_reader")
class Reader {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String reader;
    private String addedBy;
    private Instant addedAt;
    private Instant readAt;
    private String comment;

    protected Reader() {
        // for JPA
    }

    Reader(String reader, String addedBy, Instant addedAt) {
        this.reader = reader;
        this.addedBy = addedBy;
        this.addedAt = addedAt;
    }

    void read(String text, Instant at) {
        readAt = at;
        comment = text;
    }

    String reader() { return reader; }
    String addedBy() { return addedBy; }
    Instant addedAt() { return addedAt; }
    Instant readAt() { return readAt; }
    String comment() { return comment; }
}
