package org.zhenwu.document.archive;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One line of a dossier's contents (卷内目录). */
@Entity
@Table(name = "archive_dossier_entry")
class DossierEntry {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(updatable = false)
    private int seq;
    @Column(updatable = false)
    private String title;

    protected DossierEntry() {
        // for JPA
    }

    DossierEntry(int seq, String title) {
        this.seq = seq;
        this.title = title;
    }

    int seq() { return seq; }
    String title() { return title; }
}
