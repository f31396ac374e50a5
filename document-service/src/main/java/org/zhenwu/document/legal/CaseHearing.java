package org.zhenwu.document.legal;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A hearing (开庭/听证/调解) of a case, as counsel reported it. */
@Entity
@Table(name = "legal_case_hearing")
class CaseHearing {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private LocalDate heldOn;
    private String description;
    private String recordedBy;
    private Instant recordedAt;

    protected CaseHearing() {
        // for JPA
    }

    CaseHearing(LocalDate heldOn, String description, String recordedBy, Instant recordedAt) {
        this.heldOn = heldOn;
        this.description = description;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    /** As handed out with a case. */
    public record View(LocalDate heldOn, String description, String recordedBy, Instant recordedAt) {
    }

    View view() {
        return new View(heldOn, description, recordedBy, recordedAt);
    }
}
