package org.zhenwu.document.meeting;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A decision of the meeting (议定事项), with the supervision task (督办) that follows it up. Append-only. */
@Entity
@Table(name = "meeting_decision")
class MeetingDecision {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(updatable = false)
    private String content;
    @Column(updatable = false)
    private String ownerDepartment;
    @Column(updatable = false)
    private UUID taskId;

    protected MeetingDecision() {
        // for JPA
    }

    MeetingDecision(String content, String ownerDepartment, UUID taskId) {
        this.content = content;
        this.ownerDepartment = ownerDepartment;
        this.taskId = taskId;
    }

    String content() { return content; }
    String ownerDepartment() { return ownerDepartment; }
    UUID taskId() { return taskId; }
}
