package org.zhenwu.document.emergency;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.contracts.document.v1.DocumentTopics;
import org.zhenwu.contracts.document.v1.EmergencyReportClosed;
import org.zhenwu.contracts.document.v1.EmergencyReportOverdue;
import org.zhenwu.contracts.document.v1.EmergencyReported;
import org.zhenwu.document.importing.AggregateRows;
import org.zhenwu.document.importing.DocumentImports;
import org.zhenwu.document.importing.ImportResult;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.importing.ImportFile;
import org.zhenwu.platform.importing.ImportRejected;
import org.zhenwu.platform.importing.RowError;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.outbox.Outbox;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.platform.web.NotFoundException;

/**
 * 应急信息报送. The office registers an emergency when it learns of it (接报) — announced at once as
 * {@code document.EmergencyReported}, since the district needs it fast — reports it upward by phone and in writing
 * within the configured limits, follows up (续报) and closes it with the final report (终报,
 * {@code document.EmergencyReportClosed}). A job flags upward reports past their deadline, once, as
 * {@code document.EmergencyReportOverdue}, safely on several instances. Office roles only; district roles see all
 * towns.
 */
@Service
public class EmergencyService {
    private static final String[] OFFICE = {Roles.OFFICE_CLERK, Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN};

    private final EmergencyRepository reports;
    private final EmergencyProperties properties;
    private final Jurisdictions jurisdictions;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    @PersistenceContext
    private EntityManager entityManager;
    private final Clock clock;

    EmergencyService(EmergencyRepository reports, EmergencyProperties properties, Jurisdictions jurisdictions,
                     Outbox outbox, JdbcClient jdbc, Clock clock) {
        this.reports = reports;
        this.properties = properties;
        this.jurisdictions = jurisdictions;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** 接报: registers what the office learned, with the deadlines of its upward reports. */
    @Transactional
    public EmergencyView receive(Caller caller, String town, EmergencyReport.Incident incident,
                                 EmergencyReport.Casualties casualties, BigDecimal loss, Instant receivedAt) {
        caller.requireAnyRole(OFFICE);
        String townCode = jurisdictions.townForWrite(caller, town);
        EmergencyReport r = EmergencyReport.receive(UUID.randomUUID(), townCode, incident, casualties, loss,
                receivedAt, limits(incident.level()), caller.subject(), clock.instant());
        return saved(r);
    }

    @Transactional
    public EmergencyView reportByPhone(Caller caller, UUID id, Instant at, String to) {
        EmergencyReport r = find(caller, id);
        r.reportByPhone(at, to, caller.subject(), clock.instant());
        return saved(r);
    }

    @Transactional
    public EmergencyView reportInWriting(Caller caller, UUID id, Instant at, String to) {
        EmergencyReport r = find(caller, id);
        r.reportInWriting(at, to, caller.subject(), clock.instant());
        return saved(r);
    }

    @Transactional
    public EmergencyView followUp(Caller caller, UUID id, Instant at, String content, EmergencyReport.Update update) {
        EmergencyReport r = find(caller, id);
        r.followUp(at, content, update, caller.subject(), clock.instant());
        return saved(r);
    }

    @Transactional
    public EmergencyView close(Caller caller, UUID id, Instant at, String summary, EmergencyReport.Update update) {
        EmergencyReport r = find(caller, id);
        r.close(at, summary, update, caller.subject(), clock.instant());
        return saved(r);
    }

    @Transactional(readOnly = true)
    public EmergencyView get(Caller caller, UUID id) {
        return EmergencyView.withTrail(find(caller, id));
    }

    /** What the list may be narrowed to; every part optional. {@code from}/{@code to}: days of occurrence. */
    public record Filter(EmergencyCategory category, EmergencyLevel level, EmergencyStatus status, Boolean late,
                         Boolean overdue, LocalDate from, LocalDate to) {
    }

    /** Newest occurrence first. */
    @Transactional(readOnly = true)
    public Page<EmergencyView> list(Caller caller, String town, Filter f, int page, int size) {
        caller.requireAnyRole(OFFICE);
        Map<String, Object> params = new HashMap<>();
        params.put("towns", jurisdictions.readScope(caller, town).codes());
        StringBuilder where = new StringBuilder("town_code IN (:towns)");
        if (f.category() != null) {
            where.append(" AND category = :category");
            params.put("category", f.category().name());
        }
        if (f.level() != null) {
            where.append(" AND level = :level");
            params.put("level", f.level().name());
        }
        if (f.status() != null) {
            where.append(" AND status = :status");
            params.put("status", f.status().name());
        }
        if (f.late() != null) {
            where.append(f.late() ? " AND (phone_late OR written_late)" : " AND NOT (phone_late OR written_late)");
        }
        if (f.overdue() != null) {
            where.append(f.overdue() ? " AND (phone_overdue OR written_overdue)"
                    : " AND NOT (phone_overdue OR written_overdue)");
        }
        if (f.from() != null) {
            where.append(" AND occurred_at >= :from");
            params.put("from", start(f.from()));
        }
        if (f.to() != null) {
            if (f.from() != null && f.to().isBefore(f.from())) {
                throw new InvalidFieldException("to", "must not be before from");
            }
            where.append(" AND occurred_at < :to");
            params.put("to", start(f.to().plusDays(1)));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM emergency_report WHERE " + where).params(params)
                .query(Long.class).single();
        params.put("limit", size);
        params.put("offset", (long) page * size);
        List<UUID> ids = jdbc.sql("SELECT id FROM emergency_report WHERE " + where
                        + " ORDER BY occurred_at DESC, id LIMIT :limit OFFSET :offset").params(params)
                .query(String.class).list().stream().map(UUID::fromString).toList();
        Map<UUID, EmergencyReport> byId = new HashMap<>();
        reports.findAllById(ids).forEach(r -> byId.put(r.id(), r));
        return new PageImpl<>(ids.stream().map(byId::get).map(EmergencyView::of).toList(), PageRequest.of(page, size),
                total);
    }

    /**
     * Flags upward reports past their deadline and still not made. Rows are claimed {@code FOR UPDATE SKIP LOCKED}, so
     * instances running the job at once share the work instead of doing it twice; the flags make a second look
     * harmless. Returns how many reports it flagged.
     */
    @Transactional
    public int flagOverdue(int limit) {
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        Set<String> ids = new LinkedHashSet<>(jdbc.sql("""
                SELECT id FROM emergency_report WHERE status = 'RECEIVED' AND phone_overdue = FALSE
                AND phone_due_at < ? ORDER BY phone_due_at, id LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(at, limit).query(String.class).list());
        ids.addAll(jdbc.sql("""
                SELECT id FROM emergency_report WHERE status IN ('RECEIVED', 'PHONE_REPORTED')
                AND written_overdue = FALSE AND written_due_at < ?
                ORDER BY written_due_at, id LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(at, limit).query(String.class).list());
        int flagged = 0;
        for (String id : ids) {
            EmergencyReport r = reports.findById(UUID.fromString(id)).orElseThrow();
            if (r.flagOverdue(now)) {
                saved(r);
                flagged++;
            }
        }
        return flagged;
    }

    /**
     * Historical import of past reports (see {@link EmergencyImport} for the columns). The upward reports are
     * replayed with their own times, so lateness is computed as for new ones, and a report never made is flagged
     * overdue. All or nothing; rows whose source id this town already has are skipped. Publishes nothing: the district
     * heard of these long ago.
     */
    @Transactional
    public ImportResult importHistory(Caller caller, String town, ImportFile file) {
        caller.requireAnyRole(OFFICE);
        String townCode = jurisdictions.townForWrite(caller, town);
        List<EmergencyImport.Row> rows = EmergencyImport.rows(file);
        List<RowError> errors = new ArrayList<>(file.errors());
        Instant now = clock.instant();
        if (!errors.isEmpty()) {
            throw new ImportRejected(errors);
        }
        int imported = 0;
        int skipped = 0;
        Set<String> known = DocumentImports.knownIn(jdbc, "emergency_report", townCode,
                rows.stream().map(EmergencyImport.Row::sourceId).toList());
        List<EmergencyReport> fresh = new ArrayList<>();
        for (EmergencyImport.Row row : rows) {
            if (!known.add(row.sourceId())) {
                skipped++;
                continue;
            }
            try {
                EmergencyReport r = replay(caller, townCode, row, now);
                r.pullEvents();
                fresh.add(r);
                imported++;
            } catch (InvalidFieldException e) {
                errors.add(new RowError(row.line(), e.field(), e.getMessage()));
            } catch (RuntimeException e) {
                errors.add(new RowError(row.line(), "status", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejected(errors);
        }
        AggregateRows.persist(entityManager, jdbc, fresh);
        return new ImportResult(imported, skipped);
    }

    private EmergencyReport replay(Caller caller, String town, EmergencyImport.Row row, Instant now) {
        String by = caller.subject();
        EmergencyReport r = EmergencyReport.receive(UUID.randomUUID(), town, row.incident(), row.casualties(),
                row.economicLossYuan(), row.receivedAt(), limits(row.incident().level()), by, now);
        r.imported(row.sourceId());
        if (row.phoneReportedAt() != null) {
            r.reportByPhone(row.phoneReportedAt(), null, by, now);
        }
        if (row.writtenReportedAt() != null) {
            r.reportInWriting(row.writtenReportedAt(), null, by, now);
        }
        if (row.closedAt() != null) {
            r.close(row.closedAt(), row.closingSummary(), EmergencyReport.Update.NONE, by, now);
        }
        r.flagOverdue(now);
        return r;
    }

    private EmergencyReport find(Caller caller, UUID id) {
        caller.requireAnyRole(OFFICE);
        return reports.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Emergency report", id));
    }

    private EmergencyReport.Limits limits(EmergencyLevel level) {
        return new EmergencyReport.Limits(properties.phoneWithin(level), properties.writtenWithin(level));
    }

    private EmergencyView saved(EmergencyReport r) {
        reports.save(r);
        for (EmergencyEvent e : r.pullEvents()) {
            outbox.append(DocumentTopics.EMERGENCY_EVENTS, r.id().toString(), type(e), contract(r, e));
        }
        return EmergencyView.of(r);
    }

    private static String type(EmergencyEvent e) {
        if (e instanceof EmergencyEvent.Received) {
            return EmergencyReported.TYPE;
        }
        return e instanceof EmergencyEvent.Overdue ? EmergencyReportOverdue.TYPE : EmergencyReportClosed.TYPE;
    }

    private static org.zhenwu.contracts.IntegrationEvent contract(EmergencyReport r, EmergencyEvent e) {
        EmergencyReport.Casualties c = r.casualties();
        if (e instanceof EmergencyEvent.Received) {
            return EmergencyReported.of(r.townCode(), r.id(), r.category().name(), r.realEstateProject(),
                    r.level().name(), r.title(), r.place(), r.occurredAt(), r.receivedAt(), c.deaths(), c.injuries(),
                    c.missing(), r.phoneDueAt(), r.writtenDueAt(), e.occurredAt());
        }
        if (e instanceof EmergencyEvent.Overdue o) {
            return EmergencyReportOverdue.of(r.townCode(), r.id(), r.category().name(), r.realEstateProject(),
                    r.level().name(), r.title(),
                    o.phone() ? EmergencyReportOverdue.PHONE : EmergencyReportOverdue.WRITTEN, r.receivedAt(),
                    o.dueAt(), o.occurredAt());
        }
        return EmergencyReportClosed.of(r.townCode(), r.id(), r.category().name(), r.realEstateProject(),
                r.level().name(), r.occurredAt(), r.receivedAt(), new EmergencyReportClosed.Reporting(
                        r.phoneReportedAt(), r.writtenReportedAt(), r.phoneLate(), r.phoneDelayMinutes(),
                        r.writtenLate(), r.writtenDelayMinutes(), r.followUpCount()),
                c.deaths(), c.injuries(), c.missing(), r.economicLossYuan(), r.closedAt(), e.occurredAt());
    }

    /** Midnight in the offices' time zone, as the UTC instant the columns hold. */
    static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(WorkingDayCalendar.ZONE).toInstant());
    }
}
