package org.zhenwu.congress.livelihood;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A livelihood project (民生实事项目) from proposal to evaluation: the aggregate root. */
@Entity
@Table(name = "livelihood_project")
class LivelihoodProject {
    @Id
    private UUID id;
    private String townCode;
    private int year;
    private String title;
    private String description;
    private String source;
    private String sponsorUnit;
    private BigDecimal estimatedBudget;
    @Enumerated(EnumType.STRING)
    private ProjectStatus status;
    private UUID voteId;
    private Long votes;
    private int progressPercent;
    private LocalDate startedOn;
    private LocalDate completedOn;
    @Enumerated(EnumType.STRING)
    private EvaluationGrade evaluationGrade;
    private Integer satisfactionPercent;
    private String evaluationSummary;
    private String createdBy;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "project_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<ProjectTransition> transitions = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "project_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<SupervisionVisit> visits = new ArrayList<>();

    protected LivelihoodProject() {
        // for JPA
    }

    /** 征集. */
    static LivelihoodProject propose(UUID id, String townCode, int year, String title, String description, String source,
                                     String sponsorUnit, BigDecimal estimatedBudget, String actor, Instant now) {
        if (estimatedBudget != null && estimatedBudget.signum() < 0) {
            throw new InvalidFieldException("estimatedBudget", "must not be negative");
        }
        LivelihoodProject p = new LivelihoodProject();
        p.id = id;
        p.townCode = townCode;
        p.year = year;
        p.title = title;
        p.description = description;
        p.source = source;
        p.sponsorUnit = sponsorUnit;
        p.estimatedBudget = estimatedBudget;
        p.status = ProjectStatus.PROPOSED;
        p.createdBy = actor;
        p.transitions.add(new ProjectTransition(null, ProjectStatus.PROPOSED, actor, source, now));
        return p;
    }

    /** 初选: put on the ballot, or not. */
    void shortlist(boolean onTheBallot, String note, String actor, Instant now) {
        moveTo(onTheBallot ? ProjectStatus.SHORTLISTED : ProjectStatus.REJECTED, actor, note, now);
    }

    void requireShortlisted() {
        if (status != ProjectStatus.SHORTLISTED) {
            throw new InvalidFieldException("candidateIds", "project " + id + " is " + status + ", not shortlisted (初选)");
        }
    }

    /** The vote's outcome for this project; a tie leaves it shortlisted for a further vote. */
    void voted(UUID vote, long count, Tally.Outcome outcome, String actor, Instant now) {
        voteId = vote;
        votes = count;
        switch (outcome) {
            case ELECTED -> moveTo(ProjectStatus.ELECTED, actor, "得票 " + count, now);
            case NOT_ELECTED -> moveTo(ProjectStatus.NOT_ELECTED, actor, "得票 " + count, now);
            case TIED -> audit(actor, "得票 " + count + ", 与他项相同, 待再次票决", now);
        }
    }

    /** 实施. */
    void start(LocalDate on, String actor, Instant now) {
        moveTo(ProjectStatus.IN_PROGRESS, actor, "开工 " + on, now);
        startedOn = on;
    }

    /** The sponsor unit reports progress; 0–100. */
    void reportProgress(int percent, String note, String actor, Instant now) {
        requireInProgress("report progress on");
        setProgress(percent);
        audit(actor, "进度 " + percent + "%" + (note == null ? "" : ": " + note), now);
    }

    /** 监督: deputies visit; the progress they found, if they say, becomes the project's. */
    void recordVisit(LocalDate on, Integer percent, String findings, List<String> participants, String actor, Instant now) {
        requireInProgress("visit");
        if (on.isAfter(day(now))) {
            throw new InvalidFieldException("visitedOn", "lies in the future");
        }
        if (percent != null) {
            setProgress(percent);
        }
        visits.add(new SupervisionVisit(on, percent, findings, String.join("、", participants), actor, now));
        audit(actor, "代表监督视察 " + on + (percent == null ? "" : ", 进度 " + percent + "%"), now);
    }

    void complete(LocalDate on, String actor, Instant now) {
        if (status == ProjectStatus.IN_PROGRESS && progressPercent < 100) {
            throw new LivelihoodRuleViolation("not-finished", status, "Project " + id + " is at " + progressPercent
                    + "%; it is completed at 100%");
        }
        moveTo(ProjectStatus.COMPLETED, actor, "完工 " + on, now);
        completedOn = on;
    }

    /** 评估 by the deputies. */
    void evaluate(EvaluationGrade grade, Integer satisfaction, String summary, String actor, Instant now) {
        moveTo(ProjectStatus.EVALUATED, actor, grade + (summary == null ? "" : ": " + summary), now);
        evaluationGrade = grade;
        satisfactionPercent = satisfaction;
        evaluationSummary = summary;
    }

    private void setProgress(int percent) {
        if (percent < 0 || percent > 100) {
            throw new InvalidFieldException("progressPercent", "must be 0 to 100");
        }
        progressPercent = percent;
    }

    private void requireInProgress(String action) {
        if (status != ProjectStatus.IN_PROGRESS) {
            throw new IllegalTransitionException("Livelihood project", id, status.name(), null,
                    "Only a project being built can be asked to " + action + "; project " + id + " is " + status);
        }
    }

    private void moveTo(ProjectStatus next, String actor, String note, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("Livelihood project", id, status, next);
        }
        transitions.add(new ProjectTransition(status, next, actor, note, now));
        status = next;
    }

    private void audit(String actor, String note, Instant now) {
        transitions.add(new ProjectTransition(status, status, actor, note, now));
    }

    private static LocalDate day(Instant at) {
        return at.atZone(WorkingDayCalendar.ZONE).toLocalDate();
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    int year() { return year; }
    String title() { return title; }
    String description() { return description; }
    String source() { return source; }
    String sponsorUnit() { return sponsorUnit; }
    BigDecimal estimatedBudget() { return estimatedBudget; }
    ProjectStatus status() { return status; }
    UUID voteId() { return voteId; }
    Long votes() { return votes; }
    int progressPercent() { return progressPercent; }
    LocalDate startedOn() { return startedOn; }
    LocalDate completedOn() { return completedOn; }
    EvaluationGrade evaluationGrade() { return evaluationGrade; }
    Integer satisfactionPercent() { return satisfactionPercent; }
    String evaluationSummary() { return evaluationSummary; }
    List<ProjectTransition> transitions() { return List.copyOf(transitions); }
    List<SupervisionVisit> visits() { return List.copyOf(visits); }
}
