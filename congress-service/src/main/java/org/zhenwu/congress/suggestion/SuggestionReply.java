package org.zhenwu.congress.suggestion;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One reply of the lead unit and the deputies' feedback on it. The reply is fixed once given; feedback comes once. */
@Entity
@Table(name = "suggestion_reply")
class SuggestionReply {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(updatable = false)
    private int round;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private ReplyStage stage;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private ReplyCategory category;
    @Column(updatable = false)
    private String unit;
    @Column(updatable = false)
    private String content;
    @Column(updatable = false)
    private String repliedBy;
    @Column(updatable = false)
    private Instant repliedAt;
    @Column(updatable = false)
    private LocalDate due;
    @Column(updatable = false)
    private boolean onTime;
    @Enumerated(EnumType.STRING)
    private Satisfaction satisfaction;
    private String feedbackNote;
    private String feedbackBy;
    private Instant feedbackAt;

    protected SuggestionReply() {
        // for JPA
    }

    SuggestionReply(int round, ReplyStage stage, ReplyCategory category, String unit, String content, String repliedBy,
                    Instant repliedAt, LocalDate due, boolean onTime) {
        this.round = round;
        this.stage = stage;
        this.category = category;
        this.unit = unit;
        this.content = content;
        this.repliedBy = repliedBy;
        this.repliedAt = repliedAt;
        this.due = due;
        this.onTime = onTime;
    }

    void feedback(Satisfaction verdict, String note, String actor, Instant at) {
        satisfaction = verdict;
        feedbackNote = note;
        feedbackBy = actor;
        feedbackAt = at;
    }

    int round() { return round; }
    ReplyStage stage() { return stage; }
    ReplyCategory category() { return category; }
    String unit() { return unit; }
    String content() { return content; }
    String repliedBy() { return repliedBy; }
    Instant repliedAt() { return repliedAt; }
    LocalDate due() { return due; }
    boolean onTime() { return onTime; }
    Satisfaction satisfaction() { return satisfaction; }
    String feedbackNote() { return feedbackNote; }
    String feedbackBy() { return feedbackBy; }
    Instant feedbackAt() { return feedbackAt; }
}
