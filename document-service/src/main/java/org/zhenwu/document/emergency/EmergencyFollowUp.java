package org.zhenwu.document.emergency;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One 续报: when it went up, what it said, and the casualties as then known. Append-only. */
@Entity
@Table(name = "emergency_follow_up")
class EmergencyFollowUp {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(updatable = false)
    private Instant reportedAt;
    @Column(updatable = false)
    private String content;
    @Column(updatable = false)
    private int deaths;
    @Column(updatable = false)
    private int injuries;
    @Column(updatable = false)
    private int missing;
    @Column(updatable = false)
    private String reportedBy;

    protected EmergencyFollowUp() {
        // for JPA
    }

    EmergencyFollowUp(Instant reportedAt, String content, EmergencyReport.Casualties c, String by) {
        this.reportedAt = reportedAt;
        this.content = content;
        this.deaths = c.deaths();
        this.injuries = c.injuries();
        this.missing = c.missing();
        this.reportedBy = by;
    }

    Instant reportedAt() { return reportedAt; }
    String content() { return content; }
    EmergencyReport.Casualties casualties() { return new EmergencyReport.Casualties(deaths, injuries, missing); }
    String reportedBy() { return reportedBy; }
}
