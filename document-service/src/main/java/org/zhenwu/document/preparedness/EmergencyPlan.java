package org.zhenwu.document.preparedness;

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
import jakarta.persistence.Version;

/**
 * An emergency plan (应急预案) of a village or unit: its type, the version in force, when that was approved, and when
 * it must next be reviewed (评估). A review either keeps the plan (REVIEWED) or approves a new version (修订, REVISED);
 * every approval, review and revision stays in the history. Its review is due from the next review day on.
 */
@Entity
@Table(name = "emergency_plan")
class EmergencyPlan {
    @Id
    private UUID id;
    private String townCode;
    private String unit;
    @Enumerated(EnumType.STRING)
    private PlanType planType;
    private String title;
    private String planVersion;
    private LocalDate approvedOn;
    private LocalDate nextReviewOn;
    @Enumerated(EnumType.STRING)
    private PlanStatus status;
    private String retiredReason;
    private String createdBy;
    private Instant createdAt;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "plan_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<PlanReview> history = new ArrayList<>();

    protected EmergencyPlan() {
        // for JPA
    }

    static EmergencyPlan register(UUID id, String townCode, String unit, PlanType type, String title,
                                  String planVersion, LocalDate approvedOn, LocalDate nextReviewOn, String by,
                                  Instant now, LocalDate today) {
        notAfterToday("approvedOn", approvedOn, today);
        nextReviewAfter(approvedOn, nextReviewOn);
        EmergencyPlan p = new EmergencyPlan();
        p.id = id;
        p.townCode = townCode;
        p.unit = unit;
        p.planType = type;
        p.title = title;
        p.planVersion = planVersion;
        p.approvedOn = approvedOn;
        p.nextReviewOn = nextReviewOn;
        p.status = PlanStatus.ACTIVE;
        p.createdBy = by;
        p.createdAt = now;
        p.history.add(new PlanReview(ReviewKind.APPROVED, approvedOn, planVersion, approvedOn, nextReviewOn, null, by,
                now));
        return p;
    }

    /**
     * 评估 on {@code reviewedOn}; with a {@code newVersion} different from the one in force, a revision (修订) approved
     * on {@code newApprovedOn} (default: the review day). Returns what it was.
     */
    ReviewKind review(LocalDate reviewedOn, LocalDate nextReview, String newVersion, LocalDate newApprovedOn,
                      String note, String by, Instant now, LocalDate today) {
        if (status != PlanStatus.ACTIVE) {
            throw new IllegalTransitionException("Emergency plan", id, status.name(), null,
                    "A " + status + " plan is not reviewed");
        }
        notAfterToday("reviewedOn", reviewedOn, today);
        if (reviewedOn.isBefore(approvedOn)) {
            throw new InvalidFieldException("reviewedOn",
                    "is before the version in force was approved (" + approvedOn + ")");
        }
        nextReviewAfter(reviewedOn, nextReview);
        boolean revised = newVersion != null && !newVersion.equals(planVersion);
        if (!revised && newApprovedOn != null) {
            throw new InvalidFieldException("planVersion", "a new approval date needs a new version");
        }
        if (revised) {
            LocalDate approved = newApprovedOn != null ? newApprovedOn : reviewedOn;
            notAfterToday("approvedOn", approved, today);
            if (approved.isBefore(reviewedOn)) {
                throw new InvalidFieldException("approvedOn", "is before the review");
            }
            planVersion = newVersion;
            approvedOn = approved;
        }
        nextReviewOn = nextReview;
        ReviewKind kind = revised ? ReviewKind.REVISED : ReviewKind.REVIEWED;
        history.add(new PlanReview(kind, reviewedOn, planVersion, approvedOn, nextReviewOn, note, by, now));
        return kind;
    }

    /** 废止. */
    void retire(String reason) {
        if (!status.canMoveTo(PlanStatus.RETIRED)) {
            throw new IllegalTransitionException("Emergency plan", id, status, PlanStatus.RETIRED);
        }
        status = PlanStatus.RETIRED;
        retiredReason = reason;
    }

    /** In force and its next review day has come. */
    boolean reviewDue(LocalDate today) {
        return status == PlanStatus.ACTIVE && !nextReviewOn.isAfter(today);
    }

    private static void notAfterToday(String field, LocalDate day, LocalDate today) {
        if (day.isAfter(today)) {
            throw new InvalidFieldException(field, "is in the future");
        }
    }

    private static void nextReviewAfter(LocalDate day, LocalDate nextReview) {
        if (!nextReview.isAfter(day)) {
            throw new InvalidFieldException("nextReviewOn", "must be after " + day);
        }
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    String unit() { return unit; }
    PlanType planType() { return planType; }
    String title() { return title; }
    String planVersion() { return planVersion; }
    LocalDate approvedOn() { return approvedOn; }
    LocalDate nextReviewOn() { return nextReviewOn; }
    PlanStatus status() { return status; }
    String retiredReason() { return retiredReason; }
    String createdBy() { return createdBy; }
    Instant createdAt() { return createdAt; }
    List<PlanReview> history() { return history; }
}
