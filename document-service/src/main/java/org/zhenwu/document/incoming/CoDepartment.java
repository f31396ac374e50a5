package org.zhenwu.document.incoming;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A 协办 department and the view it gives the 主办 one. */
@Entity
@Table(name = "incoming_co_department")
class CoDepartment {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String department;
    private String opinion;
    private String opinionBy;
    private Instant opinionAt;

    protected CoDepartment() {
        // for JPA
    }

    CoDepartment(String department) {
        this.department = department;
    }

    void giveView(String text, String by, Instant at) {
        opinion = text;
        opinionBy = by;
        opinionAt = at;
    }

    String department() { return department; }
    String view() { return opinion; }
    String viewBy() { return opinionBy; }
    Instant viewAt() { return opinionAt; }
}
