package org.zhenwu.document.research;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/**
 * A research visit (调研): leaders go to places over some days on a topic, by a method (座谈会, 个别访谈, 现场办公会,
 * 问卷), note what they found, and write a report (调研报告; its file, if any, is an attachment) whose matters become
 * supervision tasks (督办).
 */
@Entity
@Table(name = "research_visit")
class ResearchVisit {
    static final String SEPARATOR = "、";

    @Id
    private UUID id;
    private String townCode;
    private String topic;
    private String leaders;
    private String places;
    @Enumerated(EnumType.STRING)
    private ResearchMethod method;
    private LocalDate startDate;
    private LocalDate endDate;
    @Enumerated(EnumType.STRING)
    private ResearchStatus status;
    private String findings;
    private Instant conductedAt;
    private String report;
    private Instant reportedAt;
    private String cancelReason;
    private String createdBy;
    private Instant createdAt;
    private String sourceId;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "visit_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<ResearchVisitTask> tasks = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "visit_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<ResearchTransition> transitions = new ArrayList<>();

    @Transient
    private final List<Reported> pendingEvents = new ArrayList<>();

    protected ResearchVisit() {
        // for JPA
    }

    /** What is planned: 调研主题, 带队领导, 调研地点, 方式, dates. */
    record Plan(String topic, List<String> leaders, List<String> places, ResearchMethod method, LocalDate startDate,
                LocalDate endDate) {
        Plan {
            if (startDate != null && endDate != null && endDate.isBefore(startDate)) {
                throw new InvalidFieldException("endDate", "is before startDate");
            }
            if (leaders == null || leaders.isEmpty()) {
                throw new InvalidFieldException("leaders", "a research visit is led by someone");
            }
            if (places == null || places.isEmpty()) {
                throw new InvalidFieldException("places", "a research visit goes somewhere");
            }
            leaders = List.copyOf(leaders);
            places = List.copyOf(places);
        }
    }

    /** A matter of the report and the supervision task opened for it. */
    record Task(String title, String ownerDepartment, UUID taskId) {
    }

    /** The report was written: the one milestone other parties hear of. */
    record Reported(UUID visitId, Instant occurredAt) {
    }

    static ResearchVisit plan(UUID id, String townCode, Plan plan, String by, Instant now) {
        ResearchVisit v = new ResearchVisit();
        v.id = id;
        v.townCode = townCode;
        v.topic = plan.topic();
        v.leaders = String.join(SEPARATOR, plan.leaders());
        v.places = String.join(SEPARATOR, plan.places());
        v.method = plan.method();
        v.startDate = plan.startDate();
        v.endDate = plan.endDate();
        v.status = ResearchStatus.PLANNED;
        v.createdBy = by;
        v.createdAt = now;
        v.transitions.add(new ResearchTransition(null, ResearchStatus.PLANNED, "拟定", by,
                plan.startDate() + " – " + plan.endDate(), now));
        return v;
    }

    /** A visit from the office's earlier registers (historical import). */
    static ResearchVisit imported(UUID id, String townCode, String sourceId, Plan plan, String by, Instant now) {
        ResearchVisit v = plan(id, townCode, plan, by, now);
        v.sourceId = sourceId;
        return v;
    }

    /** 开展: the visit took place; what was found (调研发现). */
    void conduct(String text, String by, Instant now) {
        moveTo(ResearchStatus.CONDUCTED, "开展调研", by, null, now);
        findings = text;
        conductedAt = now;
    }

    /** 调研报告, and the tasks its matters became. */
    void report(String text, List<Task> opened, String by, Instant now) {
        moveTo(ResearchStatus.REPORTED, "形成报告", by, opened.size() + " 项督办事项", now);
        report = text;
        reportedAt = now;
        opened.forEach(t -> tasks.add(new ResearchVisitTask(t.title(), t.ownerDepartment(), t.taskId())));
        pendingEvents.add(new Reported(id, now));
    }

    void cancel(String reason, String by, Instant now) {
        moveTo(ResearchStatus.CANCELLED, "取消", by, reason, now);
        cancelReason = reason;
    }

    void requireCanMoveTo(ResearchStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("Research visit", id, status, next);
        }
    }

    List<Reported> pullEvents() {
        List<Reported> events = List.copyOf(pendingEvents);
        pendingEvents.clear();
        return events;
    }

    private void moveTo(ResearchStatus next, String action, String actor, String note, Instant now) {
        requireCanMoveTo(next);
        transitions.add(new ResearchTransition(status, next, action, actor, note, now));
        status = next;
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    String topic() { return topic; }
    List<String> leaders() { return List.of(leaders.split(SEPARATOR)); }
    List<String> places() { return List.of(places.split(SEPARATOR)); }
    ResearchMethod method() { return method; }
    LocalDate startDate() { return startDate; }
    LocalDate endDate() { return endDate; }
    ResearchStatus status() { return status; }
    String findings() { return findings; }
    Instant conductedAt() { return conductedAt; }
    String report() { return report; }
    Instant reportedAt() { return reportedAt; }
    String cancelReason() { return cancelReason; }
    String createdBy() { return createdBy; }
    Instant createdAt() { return createdAt; }
    List<ResearchVisitTask> tasks() { return tasks; }
    List<ResearchTransition> transitions() { return transitions; }
}
