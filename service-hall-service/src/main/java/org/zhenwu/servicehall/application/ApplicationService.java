package org.zhenwu.servicehall.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.contracts.servicehall.v1.ApplicationAccepted;
import org.zhenwu.contracts.servicehall.v1.ApplicationClockWarned;
import org.zhenwu.contracts.servicehall.v1.ApplicationCompleted;
import org.zhenwu.contracts.servicehall.v1.ApplicationWithdrawn;
import org.zhenwu.contracts.servicehall.v1.ServiceHallTopics;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.importing.ImportRejected;
import org.zhenwu.platform.importing.KnownSourceIds;
import org.zhenwu.platform.importing.RowError;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.outbox.Outbox;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.platform.web.NotFoundException;
import org.zhenwu.servicehall.kiosk.KioskService;
import org.zhenwu.servicehall.matter.MatterChannel;
import org.zhenwu.servicehall.matter.MatterService;
import org.zhenwu.servicehall.matter.MatterSnapshot;
import org.zhenwu.servicehall.queue.QueueService;
import org.zhenwu.servicehall.stats.FigureRollupService;

/**
 * Applications (办件): 前台综合受理 at any window of the town (一窗综办), 后台分类审批 by the matter's department — which
 * sees only its own — and 统一窗口出件. Every method checks the caller's town and role.
 */
@Service
public class ApplicationService {
    private static final String[] WINDOW = {Roles.HALL_CLERK, Roles.DISTRICT_ADMIN};
    private static final String[] BACK_OFFICE = {Roles.DEPARTMENT_HANDLER, Roles.DISTRICT_ADMIN};

    private final ApplicationRepository applications;
    private final ApplicationClock sql;
    private final MatterService matters;
    private final KioskService kiosks;
    private final QueueService queue;
    private final Jurisdictions jurisdictions;
    private final WorkingDayCalendar calendar;
    private final ApplicationProperties properties;
    private final Outbox outbox;
    private final FigureRollupService figures;
    private final Clock clock;
    private final JdbcClient jdbc;

    ApplicationService(ApplicationRepository applications, ApplicationClock sql, MatterService matters,
                       KioskService kiosks, QueueService queue, Jurisdictions jurisdictions, WorkingDayCalendar calendar,
                       ApplicationProperties properties, Outbox outbox, FigureRollupService figures, Clock clock,
                       JdbcClient jdbc) {
        this.applications = applications;
        this.sql = sql;
        this.matters = matters;
        this.kiosks = kiosks;
        this.queue = queue;
        this.jurisdictions = jurisdictions;
        this.calendar = calendar;
        this.properties = properties;
        this.outbox = outbox;
        this.figures = figures;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    // ---- the window --------------------------------------------------------------------------------------------

    /** 收件: 受理 when the materials are complete, otherwise 一次性告知. Any window takes any matter of the town. */
    @Transactional
    public ApplicationView submit(Caller caller, String town, UUID matterId, Application.Intake intake,
                                  List<String> providedMaterials) {
        caller.requireAnyRole(WINDOW);
        String townCode = jurisdictions.townForWrite(caller, town);
        MatterSnapshot matter = matters.offered(townCode, matterId, "matterId");
        if (!matter.channels().contains(intake.channel())) {
            throw new InvalidFieldException("channel", "matter " + matter.code() + " is not offered on " + intake.channel()
                    + " (only " + matter.channels() + ")");
        }
        if ((intake.channel() == MatterChannel.KIOSK) != (intake.kioskId() != null)) {
            throw new InvalidFieldException("kioskId", "is required for, and only for, the KIOSK channel");
        }
        if (intake.kioskId() != null) {
            kiosks.requireActive(townCode, intake.kioskId(), "kioskId");
        }
        if (intake.ticketId() != null) {
            queue.requireTicket(townCode, intake.ticketId(), "ticketId");
        }
        Instant now = clock.instant();
        Application application = Application.receive(UUID.randomUUID(), townCode, sql.nextNumber(townCode, day(now)),
                new Application.Matter(matter.id(), matter.version(), matter.code(), matter.name(), matter.department(),
                        matter.legalLimitDays(), matter.promisedLimitDays(), matter.feeFen(), matter.requiredMaterials()),
                intake, providedMaterials, caller.subject(), now, calendar);
        return saved(application);
    }

    /** 补正 after the notice; complete → 受理, and the clock starts from today. */
    @Transactional
    public ApplicationView supplement(Caller caller, UUID id, List<String> providedMaterials) {
        Application application = forWindow(caller, id);
        application.supplement(providedMaterials, caller.subject(), clock.instant(), calendar);
        return saved(application);
    }

    /** 出件 / 送达. */
    @Transactional
    public ApplicationView deliver(Caller caller, UUID id, DeliveryMethod method, String trackingNumber) {
        Application application = forWindow(caller, id);
        application.deliver(method, trackingNumber, caller.subject(), clock.instant());
        return saved(application);
    }

    /** 撤回. */
    @Transactional
    public ApplicationView withdraw(Caller caller, UUID id, String reason) {
        Application application = forWindow(caller, id);
        application.withdraw(caller.subject(), reason, clock.instant());
        return saved(application);
    }

    // ---- the back office ------------------------------------------------------------------------------------------

    /** 审批 by the matter's department. */
    @Transactional
    public ApplicationView decide(Caller caller, UUID id, ApplicationOutcome outcome, String opinion, String legalBasis) {
        Application application = forDepartment(caller, id);
        application.decide(outcome, caller.subject(), opinion, legalBasis, clock.instant());
        return saved(application);
    }

    /** 办结: the department's result is ready. */
    @Transactional
    public ApplicationView complete(Caller caller, UUID id, String note) {
        Application application = forDepartment(caller, id);
        application.complete(caller.subject(), note, clock.instant(), calendar);
        return saved(application);
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public ApplicationView get(Caller caller, UUID id) {
        return ApplicationView.of(find(caller, id), today(), calendar, true);
    }

    /** The hall sees the town's applications; a department only those of its matters. */
    @Transactional(readOnly = true)
    public Page<ApplicationView> list(Caller caller, String town, ApplicationStatus status, String department,
                                      ClockWarning warning, int page, int size) {
        List<String> scope = jurisdictions.readScope(caller, town).codes();
        String dept = isDepartmentOnly(caller) ? caller.department() : department;
        Specification<Application> spec = (root, query, cb) -> root.get("townCode").in(scope);
        if (dept != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("department"), dept));
        }
        if (status != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), status));
        }
        if (warning != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("warningLevel"), warning));
        }
        LocalDate today = today();
        return applications.findAll(spec, PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "receivedAt")))
                .map(a -> ApplicationView.of(a, today, calendar, false));
    }

    /** For 好差评: a completed application of the caller's towns, as a rating needs it. */
    @Transactional(readOnly = true)
    public RatedApplication forRating(Caller caller, UUID id) {
        Application a = applications.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Application", id));
        return new RatedApplication(a.id(), a.townCode(), a.applicationNumber(), a.matterCode(), a.department(),
                a.status().isCompleted());
    }

    /** What a rating copies from the application it rates. */
    public record RatedApplication(UUID id, String town, String applicationNumber, String matterCode, String department,
                                   boolean completed) {
    }

    // ---- historical import --------------------------------------------------------------------------------------

    /**
     * Brings in past applications: each row's path is replayed through the state machine with its own timestamps and
     * announced like a live one, so the figures here and the annual summary elsewhere count it. All or nothing; rows
     * whose source id the town already has are skipped, so a file can be sent again.
     * <p>
     * Per file, not per row: one query for the known source ids (per 1,000), one for each matter code of the file,
     * a block of numbers per day ({@link ApplicationClock#reserveNumbers}), the rows in multi-row inserts
     * ({@link ApplicationRows}) and the events in the outbox's multi-row inserts; then the figures of the days touched.
     */
    @Transactional
    public ImportResult importHistory(Caller caller, String town, List<ApplicationImportFile.Row> rows) {
        caller.requireAnyRole(Roles.HALL_CLERK, Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN);
        String townCode = jurisdictions.townForWrite(caller, town);
        Set<String> known = KnownSourceIds.of(rows.stream().map(ApplicationImportFile.Row::sourceId).toList(),
                ids -> applications.knownSourceIds(townCode, ids));
        List<ApplicationImportFile.Row> fresh = rows.stream().filter(row -> known.add(row.sourceId())).toList();
        if (fresh.isEmpty()) {
            return new ImportResult(0, rows.size());
        }
        ApplicationClock.Numbers numbers = sql.reserveNumbers(townCode,
                fresh.stream().map(row -> day(row.acceptedAt())).toList());
        Map<String, Optional<MatterSnapshot>> catalogue = new HashMap<>();
        String actor = "import:" + caller.subject();
        List<RowError> errors = new ArrayList<>();
        List<Application> imported = new ArrayList<>(fresh.size());
        Set<LocalDate> days = new HashSet<>();
        for (ApplicationImportFile.Row row : fresh) {
            try {
                Application application = replay(townCode, row, actor, numbers,
                        catalogue.computeIfAbsent(row.matterCode(), code -> matters.byCode(townCode, code)));
                imported.add(application);
                if (application.acceptedOn() != null) {
                    days.add(application.acceptedOn());
                }
            } catch (RuntimeException e) {
                errors.add(new RowError(row.line(), "status", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejected(errors);
        }
        ApplicationRows.insert(jdbc, imported);
        imported.forEach(this::publish);
        figures.rebuildApplicationDays(townCode, days);   // from the rows as stored, however they were written
        return new ImportResult(imported.size(), rows.size() - fresh.size());
    }

    public record ImportResult(int imported, int skipped) {
    }

    /** The catalogue may no longer (or never) have held the matter: then the row's own entry stands alone. */
    private Application replay(String town, ApplicationImportFile.Row row, String actor, ApplicationClock.Numbers numbers,
                               Optional<MatterSnapshot> known) {
        UUID matterId = known.map(MatterSnapshot::id).orElse(null);
        long matterVersion = known.map(MatterSnapshot::version).orElse(0L);
        Application a = Application.receive(UUID.randomUUID(), town, numbers.next(day(row.acceptedAt())),
                new Application.Matter(matterId, matterVersion, row.matterCode(), row.matterName(), row.department(),
                        row.legalLimitDays(), row.promisedLimitDays(), 0, List.of()),
                new Application.Intake(row.channel(), null, null, row.applicantName(), null, null), List.of(), actor,
                row.acceptedAt(), calendar);
        a.importedFrom(row.sourceId());
        ApplicationStatus target = row.status();
        if (target == ApplicationStatus.ACCEPTED) {
            return a;
        }
        if (target == ApplicationStatus.WITHDRAWN) {
            a.withdraw(actor, "历史导入", row.completedAt() != null ? row.completedAt() : row.acceptedAt());
            return a;
        }
        Instant decided = row.decidedAt() != null ? row.decidedAt()
                : row.completedAt() != null ? row.completedAt() : row.acceptedAt();
        a.decide(row.outcome(), actor, "历史导入", row.legalBasis(), decided);
        if (target == ApplicationStatus.APPROVED || target == ApplicationStatus.REJECTED) {
            return a;
        }
        a.complete(actor, "历史导入", row.completedAt(), calendar);
        if (target == ApplicationStatus.DELIVERED) {
            a.deliver(row.deliveryMethod(), row.trackingNumber(), actor,
                    row.deliveredAt() != null ? row.deliveredAt() : row.completedAt());
        }
        return a;
    }

    // ---- the clock job ------------------------------------------------------------------------------------------

    /**
     * Turns clocks red past their due date and yellow shortly before it, announcing each level once. Safe with several
     * instances: each takes the rows it locked ({@code SKIP LOCKED}). Returns how many applications changed.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public int checkClocks(int batch) {
        Instant now = clock.instant();
        LocalDate today = day(now);
        int changed = 0;
        for (UUID id : sql.lockOverdue(today, batch)) {
            changed += tick(id, now);
        }
        LocalDate yellowUntil = calendar.addWorkingDays(today, properties.yellowBeforeDays());
        for (UUID id : sql.lockDueSoon(today, yellowUntil, batch)) {
            changed += tick(id, now);
        }
        return changed;
    }

    private int tick(UUID id, Instant now) {
        Application application = applications.findById(id).orElseThrow();
        if (application.updateClock(now, calendar, properties.yellowBeforeDays())) {
            saved(application);
            return 1;
        }
        return 0;
    }

    // ---- internals ------------------------------------------------------------------------------------------------

    private Application find(Caller caller, UUID id) {
        Application application = applications.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Application", id));
        if (isDepartmentOnly(caller) && !Objects.equals(caller.department(), application.department())) {
            throw new NotFoundException("Application", id);
        }
        return application;
    }

    private Application forWindow(Caller caller, UUID id) {
        caller.requireAnyRole(WINDOW);
        return find(caller, id);
    }

    private Application forDepartment(Caller caller, UUID id) {
        caller.requireAnyRole(BACK_OFFICE);
        Application application = find(caller, id);
        if (!caller.hasRole(Roles.DISTRICT_ADMIN) && !Objects.equals(caller.department(), application.department())) {
            throw new NotFoundException("Application", id);
        }
        return application;
    }

    private static boolean isDepartmentOnly(Caller caller) {
        return caller.hasRole(Roles.DEPARTMENT_HANDLER) && !caller.hasAnyRole(Roles.HALL_CLERK, Roles.TOWN_LEADER,
                Roles.OFFICE_CLERK, Roles.DISTRICT_ADMIN);
    }

    private ApplicationView saved(Application application) {
        figures.applicationMoved(application.figuresCounted(), application.figures());
        Application managed = applications.save(application);
        publish(application);
        return ApplicationView.of(managed, today(), calendar, false);
    }

    private LocalDate today() {
        return day(clock.instant());
    }

    private static LocalDate day(Instant at) {
        return at.atZone(WorkingDayCalendar.ZONE).toLocalDate();
    }

    private void publish(Application a) {
        String key = a.id().toString();
        for (ApplicationEvent event : a.pullEvents()) {
            if (event instanceof ApplicationEvent.Accepted e) {
                outbox.append(ServiceHallTopics.APPLICATION_EVENTS, key, ApplicationAccepted.TYPE, ApplicationAccepted.of(
                        a.townCode(), a.id(), a.applicationNumber(), a.matterId(), a.matterCode(), a.matterName(),
                        a.department(), a.channel().name(), a.acceptedOn(), a.dueDate(), a.promisedLimitDays(),
                        e.occurredAt()));
            } else if (event instanceof ApplicationEvent.Completed e) {
                outbox.append(ServiceHallTopics.APPLICATION_EVENTS, key, ApplicationCompleted.TYPE, ApplicationCompleted.of(
                        a.townCode(), a.id(), a.applicationNumber(), a.matterId(), a.matterCode(), a.department(),
                        a.outcome().name(), a.acceptedOn(), a.dueDate(), a.completedOn(), e.workingDays(), e.onTime(),
                        e.occurredAt()));
            } else if (event instanceof ApplicationEvent.Warned e) {
                outbox.append(ServiceHallTopics.APPLICATION_EVENTS, key, ApplicationClockWarned.TYPE,
                        ApplicationClockWarned.of(a.townCode(), a.id(), a.applicationNumber(), a.matterCode(),
                                a.department(), e.level().name(), a.dueDate(), e.occurredAt()));
            } else if (event instanceof ApplicationEvent.Withdrawn e) {
                outbox.append(ServiceHallTopics.APPLICATION_EVENTS, key, ApplicationWithdrawn.TYPE,
                        ApplicationWithdrawn.of(a.townCode(), a.id(), a.applicationNumber(), a.department(),
                                a.acceptedOn(), e.reason(), e.occurredAt()));
            }
            // NoticeIssued, Decided and Delivered stay internal until a consumer needs them
        }
    }
}
