package org.zhenwu.document.research;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A matter a research visit turned into a supervision task (督办). Append-only. */
@Entity
@Table(name = "research_visit_task")
class ResearchVisitTask {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(updatable = false)
    private String title;
    @Column(updatable = false)
    private String ownerDepartment;
    @Column(updatable = false)
    private UUID taskId;

    protected ResearchVisitTask() {
        // for JPA
    }

    ResearchVisitTask(String title, String ownerDepartment, UUID taskId) {
        this.title = title;
        this.ownerDepartment = ownerDepartment;
        this.taskId = taskId;
    }

    String title() { return title; }
    String ownerDepartment() { return ownerDepartment; }
    UUID taskId() { return taskId; }
}
