package org.zhenwu.document.outgoing;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** 核发: copies sent to one recipient, with their 份号 range. */
@Entity
@Table(name = "outgoing_distribution")
class Distribution {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String recipient;
    private int copies;
    private int firstCopyNumber;
    private int lastCopyNumber;

    protected Distribution() {
        // for JPA
    }

    Distribution(String recipient, int copies, int firstCopyNumber) {
        this.recipient = recipient;
        this.copies = copies;
        this.firstCopyNumber = firstCopyNumber;
        this.lastCopyNumber = firstCopyNumber + copies - 1;
    }

    String recipient() { return recipient; }
    int copies() { return copies; }
    int firstCopyNumber() { return firstCopyNumber; }
    int lastCopyNumber() { return lastCopyNumber; }
}
