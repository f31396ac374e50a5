package org.zhenwu.servicehall.rating;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.contracts.servicehall.v1.ApplicationRated;
import org.zhenwu.contracts.servicehall.v1.ServiceHallTopics;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.outbox.Outbox;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.NotFoundException;
import org.zhenwu.servicehall.application.ApplicationService;
import org.zhenwu.servicehall.stats.FigureRollupService;

/**
 * 好差评: one rating per completed application, given at the window's pad, a kiosk, online…; a 差评 opens a rectification
 * case for the department, reviewed by the town's leaders, with a return visit for every named one.
 */
@Service
public class RatingService {
    private static final String[] RATERS = {Roles.HALL_CLERK, Roles.DISTRICT_ADMIN};
    private static final String[] DEPARTMENTS = {Roles.DEPARTMENT_HANDLER, Roles.DISTRICT_ADMIN};
    private static final String[] REVIEWERS = {Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN};
    private static final String[] VISITORS = {Roles.HALL_CLERK, Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN};

    private final RatingRepository ratings;
    private final RectificationRepository cases;
    private final ApplicationService applications;
    private final Jurisdictions jurisdictions;
    private final WorkingDayCalendar calendar;
    private final RatingProperties properties;
    private final Outbox outbox;
    private final FigureRollupService figures;
    private final Clock clock;

    RatingService(RatingRepository ratings, RectificationRepository cases, ApplicationService applications,
                  Jurisdictions jurisdictions, WorkingDayCalendar calendar, RatingProperties properties, Outbox outbox,
                  FigureRollupService figures, Clock clock) {
        this.ratings = ratings;
        this.cases = cases;
        this.applications = applications;
        this.jurisdictions = jurisdictions;
        this.calendar = calendar;
        this.properties = properties;
        this.outbox = outbox;
        this.figures = figures;
        this.clock = clock;
    }

    /** 一事一评: once per application, after it was completed (办结). */
    @Transactional
    public RatingView rate(Caller caller, UUID applicationId, Rating.Given given) {
        caller.requireAnyRole(RATERS);
        ApplicationService.RatedApplication application = applications.forRating(caller, applicationId);
        if (!application.completed()) {
            throw new RatingRuleViolation("not-completed", "Application " + application.applicationNumber()
                    + " can be rated once it is completed (办结)");
        }
        if (ratings.existsByApplicationId(applicationId)) {
            throw alreadyRated(application.applicationNumber());
        }
        Instant now = clock.instant();
        Rating rating = Rating.give(UUID.randomUUID(), application.town(), application.id(),
                application.applicationNumber(), application.matterCode(), application.department(), given,
                caller.subject(), now);
        try {
            ratings.saveAndFlush(rating);
        } catch (DataIntegrityViolationException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            throw alreadyRated(application.applicationNumber()); // a rating given at the same instant elsewhere
        }
        figures.rated(rating.id());
        UUID caseId = null;
        if (rating.negative()) {
            Rectification opened = Rectification.open(UUID.randomUUID(), rating, properties.rectificationDays(), calendar, now);
            cases.save(opened);
            caseId = opened.id();
        }
        outbox.append(ServiceHallTopics.APPLICATION_EVENTS, application.id().toString(), ApplicationRated.TYPE,
                ApplicationRated.of(rating.townCode(), application.id(), rating.matterCode(), rating.department(),
                        rating.level().name(), rating.level().score(), rating.negative(), rating.named(), now));
        return RatingView.of(rating, caseId, true);
    }

    @Transactional(readOnly = true)
    public RatingView ratingOf(Caller caller, UUID applicationId) {
        Rating rating = ratings.findByApplicationIdAndTownCodeIn(applicationId, jurisdictions.readScope(caller, null).codes())
                .filter(r -> !isDepartmentOnly(caller) || Objects.equals(caller.department(), r.department()))
                .orElseThrow(() -> new NotFoundException("Rating of application", applicationId));
        UUID caseId = cases.findByRatingId(rating.id()).map(Rectification::id).orElse(null);
        return RatingView.of(rating, caseId, !isDepartmentOnly(caller));
    }

    // ---- rectification --------------------------------------------------------------------------------------

    /** 整改 by the department. */
    @Transactional
    public RectificationView rectify(Caller caller, UUID id, String measures) {
        Rectification c = forDepartment(caller, id);
        c.rectify(caller.subject(), measures, clock.instant());
        return view(c, false);
    }

    /** 申诉 by the department. */
    @Transactional
    public RectificationView appeal(Caller caller, UUID id, String reason) {
        Rectification c = forDepartment(caller, id);
        c.appeal(caller.subject(), reason, clock.instant());
        return view(c, false);
    }

    /** 复核 of a rectification or an appeal. */
    @Transactional
    public RectificationView review(Caller caller, UUID id, boolean accept, String note) {
        caller.requireAnyRole(REVIEWERS);
        Rectification c = find(caller, id);
        FigureRollupService.CaseState before = counted(c);
        c.review(caller.subject(), accept, note, clock.instant());
        figures.caseMoved(c.ratingId(), before, counted(c));
        return view(c, false);
    }

    /** 回访 of a named rater. */
    @Transactional
    public RectificationView returnVisit(Caller caller, UUID id, boolean satisfied, String note) {
        caller.requireAnyRole(VISITORS);
        Rectification c = find(caller, id);
        FigureRollupService.CaseState before = counted(c);
        c.returnVisit(caller.subject(), satisfied, note, clock.instant());
        figures.caseMoved(c.ratingId(), before, counted(c));
        return view(c, false);
    }

    @Transactional(readOnly = true)
    public RectificationView get(Caller caller, UUID id) {
        return view(find(caller, id), true);
    }

    /** The town's cases (a department: its own), optionally by status or only the overdue ones. */
    @Transactional(readOnly = true)
    public Page<RectificationView> list(Caller caller, String town, RectificationStatus status, boolean overdueOnly,
                                        int page, int size) {
        List<String> scope = jurisdictions.readScope(caller, town).codes();
        LocalDate today = today();
        Specification<Rectification> spec = (root, query, cb) -> root.get("townCode").in(scope);
        if (isDepartmentOnly(caller)) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("department"), caller.department()));
        }
        if (status != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), status));
        }
        if (overdueOnly) {
            spec = spec.and((root, query, cb) -> cb.and(cb.equal(root.get("status"), RectificationStatus.OPEN),
                    cb.lessThan(root.get("dueDate"), today)));
        }
        return cases.findAll(spec, PageRequest.of(page, size, Sort.by("dueDate", "id")))
                .map(c -> RectificationView.of(c, today, false));
    }

    private Rectification find(Caller caller, UUID id) {
        Rectification c = cases.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Rectification", id));
        if (isDepartmentOnly(caller) && !Objects.equals(caller.department(), c.department())) {
            throw new NotFoundException("Rectification", id);
        }
        return c;
    }

    private Rectification forDepartment(Caller caller, UUID id) {
        caller.requireAnyRole(DEPARTMENTS);
        Rectification c = find(caller, id);
        if (!caller.hasRole(Roles.DISTRICT_ADMIN) && !Objects.equals(caller.department(), c.department())) {
            throw new NotFoundException("Rectification", id);
        }
        return c;
    }

    /** What a case counts in the named 差评 figures. */
    private static FigureRollupService.CaseState counted(Rectification c) {
        return new FigureRollupService.CaseState(c.status() == RectificationStatus.CLOSED,
                c.status() == RectificationStatus.VOIDED, c.returnVisitAt() != null);
    }

    private RectificationView view(Rectification c, boolean withTrail) {
        return RectificationView.of(c, today(), withTrail);
    }

    private LocalDate today() {
        return clock.instant().atZone(WorkingDayCalendar.ZONE).toLocalDate();
    }

    private static boolean isDepartmentOnly(Caller caller) {
        return caller.hasRole(Roles.DEPARTMENT_HANDLER) && !caller.hasAnyRole(Roles.HALL_CLERK, Roles.TOWN_LEADER,
                Roles.OFFICE_CLERK, Roles.DISTRICT_ADMIN);
    }

    private static RatingRuleViolation alreadyRated(String number) {
        return new RatingRuleViolation("already-rated", "Application " + number + " was rated already (一事一评)");
    }

    /** MySQL's and MariaDB's ER_DUP_ENTRY, however the JPA layer wrapped it. */
    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == 1062) {
                return true;
            }
        }
        return false;
    }
}
