package org.zhenwu.document.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A performance milestone (履约节点): what is due by when, possibly a payment, and when it was done. */
@Entity
@Table(name = "contract_milestone")
class ContractMilestone {
    @Id
    private UUID id;
    private LocalDate dueDate;
    private String description;
    private BigDecimal amount;
    private LocalDate doneOn;
    private String doneBy;
    private String doneNote;

    protected ContractMilestone() {
        // for JPA
    }

    ContractMilestone(UUID id, LocalDate dueDate, String description, BigDecimal amount) {
        this.id = id;
        this.dueDate = dueDate;
        this.description = description;
        this.amount = amount;
    }

    void done(LocalDate on, String by, String note) {
        doneOn = on;
        doneBy = by;
        doneNote = note;
    }

    boolean isDone() { return doneOn != null; }
    UUID id() { return id; }
    LocalDate dueDate() { return dueDate; }
    String description() { return description; }
    BigDecimal amount() { return amount; }
    LocalDate doneOn() { return doneOn; }
    String doneBy() { return doneBy; }
    String doneNote() { return doneNote; }
}
