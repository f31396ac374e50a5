package org.zhenwu.document.preparedness;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.document.importing.AggregateRows;
import org.zhenwu.document.importing.DocumentImports;
import org.zhenwu.document.importing.ImportResult;
import org.zhenwu.document.preparedness.PreparednessViews.DrillView;
import org.zhenwu.document.preparedness.PreparednessViews.ItemAtRecipient;
import org.zhenwu.document.preparedness.PreparednessViews.MaterialTotals;
import org.zhenwu.document.preparedness.PreparednessViews.MaterialView;
import org.zhenwu.document.preparedness.PreparednessViews.PlanView;
import org.zhenwu.document.preparedness.PreparednessViews.Total;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.importing.ImportFile;
import org.zhenwu.platform.importing.ImportRejected;
import org.zhenwu.platform.importing.RowError;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.platform.web.NotFoundException;

/**
 * 应急准备: the emergency plans (应急预案) of the town's villages and units with their reviews and revisions, the drills
 * held (应急演练), and the material handed out (应急手册, 宣传资料) with its totals per item and village. Office roles
 * only; district roles see all towns. Nothing here is announced to other services: the annual summary reads the
 * tables ({@code EmergencyFigures}).
 */
@Service
public class PreparednessService {
    private static final String[] OFFICE = {Roles.OFFICE_CLERK, Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN};

    private final PlanRepository plans;
    private final DrillRepository drills;
    private final MaterialRepository materials;
    private final Jurisdictions jurisdictions;
    private final JdbcClient jdbc;
    @PersistenceContext
    private EntityManager entityManager;
    private final Clock clock;

    PreparednessService(PlanRepository plans, DrillRepository drills, MaterialRepository materials,
                        Jurisdictions jurisdictions, JdbcClient jdbc, Clock clock) {
        this.plans = plans;
        this.drills = drills;
        this.materials = materials;
        this.jurisdictions = jurisdictions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ---- plans ---------------------------------------------------------------------------------------------

    /** What a plan is when registered. */
    public record NewPlan(String unit, PlanType type, String title, String planVersion, LocalDate approvedOn,
                          LocalDate nextReviewOn) {
    }

    @Transactional
    public PlanView registerPlan(Caller caller, String town, NewPlan n) {
        caller.requireAnyRole(OFFICE);
        String townCode = jurisdictions.townForWrite(caller, town);
        EmergencyPlan p = EmergencyPlan.register(UUID.randomUUID(), townCode, n.unit(), n.type(), n.title(),
                n.planVersion(), n.approvedOn(), n.nextReviewOn(), caller.subject(), clock.instant(), today());
        plans.save(p);
        return PlanView.of(p, today(), true);
    }

    /** 评估, or 修订 when {@code planVersion} is a new version. */
    @Transactional
    public PlanView reviewPlan(Caller caller, UUID id, LocalDate reviewedOn, LocalDate nextReviewOn, String planVersion,
                               LocalDate approvedOn, String note) {
        EmergencyPlan p = plan(caller, id);
        p.review(reviewedOn, nextReviewOn, planVersion, approvedOn, note, caller.subject(), clock.instant(), today());
        plans.save(p);
        return PlanView.of(p, today(), true);
    }

    @Transactional
    public PlanView retirePlan(Caller caller, UUID id, String reason) {
        EmergencyPlan p = plan(caller, id);
        p.retire(reason);
        plans.save(p);
        return PlanView.of(p, today(), true);
    }

    @Transactional(readOnly = true)
    public PlanView getPlan(Caller caller, UUID id) {
        return PlanView.of(plan(caller, id), today(), true);
    }

    /** By unit, then type. {@code reviewDue}: plans in force whose next review day has come (or not). */
    @Transactional(readOnly = true)
    public Page<PlanView> listPlans(Caller caller, String town, String unit, PlanType type, PlanStatus status,
                                    Boolean reviewDue, int page, int size) {
        Query q = query(caller, town);
        q.eq("unit", unit).eq("plan_type", type).eq("status", status);
        if (reviewDue != null) {
            q.params.put("today", today());
            q.where.append(reviewDue ? " AND status = 'ACTIVE' AND next_review_on <= :today"
                    : " AND NOT (status = 'ACTIVE' AND next_review_on <= :today)");
        }
        LocalDate today = today();
        return q.page("emergency_plan", "unit, plan_type, id", page, size, plans, EmergencyPlan::id,
                p -> PlanView.of(p, today, false));
    }

    // ---- drills --------------------------------------------------------------------------------------------

    /** A drill held; its type is the plan's when not given. */
    @Transactional
    public DrillView recordDrill(Caller caller, String town, EmergencyDrill.Held held) {
        caller.requireAnyRole(OFFICE);
        String townCode = jurisdictions.townForWrite(caller, town);
        EmergencyDrill d = EmergencyDrill.record(UUID.randomUUID(), townCode, null, typed(townCode, held),
                caller.subject(), clock.instant(), today());
        drills.save(d);
        return DrillView.of(d);
    }

    @Transactional(readOnly = true)
    public DrillView getDrill(Caller caller, UUID id) {
        caller.requireAnyRole(OFFICE);
        return drills.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes()).map(DrillView::of)
                .orElseThrow(() -> new NotFoundException("Drill", id));
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    public Page<DrillView> listDrills(Caller caller, String town, UUID planId, PlanType type, LocalDate from,
                                      LocalDate to, int page, int size) {
        Query q = query(caller, town);
        q.eq("plan_id", planId).eq("drill_type", type).period("held_on", from, to);
        return q.page("emergency_drill", "held_on DESC, id", page, size, drills, EmergencyDrill::id, DrillView::of);
    }

    /**
     * Historical import of drills (see {@link DrillImport} for the columns). All or nothing; rows whose source id this
     * town already has are skipped.
     */
    @Transactional
    public ImportResult importDrills(Caller caller, String town, ImportFile file) {
        caller.requireAnyRole(OFFICE);
        String townCode = jurisdictions.townForWrite(caller, town);
        List<DrillImport.Row> rows = DrillImport.rows(file);
        List<RowError> errors = new ArrayList<>(file.errors());
        if (!errors.isEmpty()) {
            throw new ImportRejected(errors);
        }
        int imported = 0;
        int skipped = 0;
        Set<String> known = DocumentImports.knownIn(jdbc, "emergency_drill", townCode,
                rows.stream().map(DrillImport.Row::sourceId).toList());
        List<EmergencyDrill> fresh = new ArrayList<>();
        for (DrillImport.Row row : rows) {
            if (!known.add(row.sourceId())) {
                skipped++;
                continue;
            }
            try {
                fresh.add(EmergencyDrill.record(UUID.randomUUID(), townCode, row.sourceId(), typed(townCode,
                        row.held()), caller.subject(), clock.instant(), today()));
                imported++;
            } catch (InvalidFieldException e) {
                errors.add(new RowError(row.line(), e.field(), e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ImportRejected(errors);
        }
        AggregateRows.persist(entityManager, jdbc, fresh);
        return new ImportResult(imported, skipped);
    }

    // ---- material ------------------------------------------------------------------------------------------

    @Transactional
    public MaterialView distribute(Caller caller, String town, String item, int quantity, String recipient,
                                   LocalDate distributedOn, String note) {
        caller.requireAnyRole(OFFICE);
        String townCode = jurisdictions.townForWrite(caller, town);
        MaterialDistribution m = MaterialDistribution.record(UUID.randomUUID(), townCode, item, quantity, recipient,
                distributedOn, note, caller.subject(), clock.instant(), today());
        materials.save(m);
        return MaterialView.of(m);
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    public Page<MaterialView> listMaterials(Caller caller, String town, String item, String recipient,
                                            LocalDate from, LocalDate to, int page, int size) {
        Query q = query(caller, town);
        q.eq("item", item).eq("recipient", recipient).period("distributed_on", from, to);
        return q.page("emergency_material", "distributed_on DESC, id", page, size, materials, MaterialDistribution::id,
                MaterialView::of);
    }

    /** Totals per item and per village or unit over a period (default: all time). */
    @Transactional(readOnly = true)
    public MaterialTotals materialTotals(Caller caller, String town, LocalDate from, LocalDate to) {
        Query q = query(caller, town);
        q.period("distributed_on", from, to);
        List<ItemAtRecipient> cells = jdbc.sql("SELECT item, recipient, SUM(quantity) AS n FROM emergency_material"
                        + " WHERE " + q.where + " GROUP BY item, recipient ORDER BY item, recipient").params(q.params)
                .query((rs, i) -> new ItemAtRecipient(rs.getString("item"), rs.getString("recipient"), rs.getLong("n")))
                .list();
        Map<String, Long> byItem = new LinkedHashMap<>();
        Map<String, Long> byRecipient = new LinkedHashMap<>();
        long total = 0;
        for (ItemAtRecipient c : cells) {
            byItem.merge(c.item(), c.quantity(), Long::sum);
            byRecipient.merge(c.recipient(), c.quantity(), Long::sum);
            total += c.quantity();
        }
        return new MaterialTotals(from, to, total, totals(byItem), totals(byRecipient), cells);
    }

    // ---- internals -----------------------------------------------------------------------------------------

    private EmergencyPlan plan(Caller caller, UUID id) {
        caller.requireAnyRole(OFFICE);
        return plans.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Emergency plan", id));
    }

    /** The plan must be one of this town's; the drill's type defaults to the plan's. */
    private EmergencyDrill.Held typed(String townCode, EmergencyDrill.Held h) {
        PlanType type = h.type();
        if (h.planId() != null) {
            EmergencyPlan p = plans.findByIdAndTownCodeIn(h.planId(), List.of(townCode))
                    .orElseThrow(() -> new InvalidFieldException("planId",
                            "is not an emergency plan of town " + townCode));
            type = type != null ? type : p.planType();
        }
        if (type == null) {
            throw new InvalidFieldException("type", "is required when the drill has no plan");
        }
        return new EmergencyDrill.Held(h.planId(), type, h.heldOn(), h.place(), h.scenario(), h.participants(),
                h.evaluation());
    }

    private static List<Total> totals(Map<String, Long> sums) {
        return sums.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).map(e -> new Total(e.getKey(), e.getValue())).toList();
    }

    private Query query(Caller caller, String town) {
        caller.requireAnyRole(OFFICE);
        return new Query(jurisdictions.readScope(caller, town).codes());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    }

    /** A list query over one of the feature's tables, always within the caller's towns. */
    private final class Query {
        final StringBuilder where = new StringBuilder("town_code IN (:towns)");
        final Map<String, Object> params = new HashMap<>();

        Query(List<String> towns) {
            params.put("towns", towns);
        }

        Query eq(String column, Object value) {
            if (value != null) {
                where.append(" AND ").append(column).append(" = :").append(column);
                params.put(column, value instanceof Enum<?> e ? e.name() : value.toString());
            }
            return this;
        }

        Query period(String column, LocalDate from, LocalDate to) {
            if (from != null && to != null && to.isBefore(from)) {
                throw new InvalidFieldException("to", "must not be before from");
            }
            if (from != null) {
                where.append(" AND ").append(column).append(" >= :from");
                params.put("from", from);
            }
            if (to != null) {
                where.append(" AND ").append(column).append(" <= :to");
                params.put("to", to);
            }
            return this;
        }

        <E, V> Page<V> page(String table, String order, int page, int size, JpaRepository<E, UUID> repository,
                            Function<E, UUID> idOf, Function<E, V> view) {
            long total = jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + where).params(params)
                    .query(Long.class).single();
            Map<String, Object> p = new HashMap<>(params);
            p.put("limit", size);
            p.put("offset", (long) page * size);
            List<UUID> ids = jdbc.sql("SELECT id FROM " + table + " WHERE " + where + " ORDER BY " + order
                    + " LIMIT :limit OFFSET :offset").params(p).query(String.class).list().stream()
                    .map(UUID::fromString).toList();
            Map<UUID, V> byId = new HashMap<>();
            repository.findAllById(ids).forEach(e -> byId.put(idOf.apply(e), view.apply(e)));
            return new PageImpl<>(ids.stream().map(byId::get).toList(), PageRequest.of(page, size), total);
        }
    }

    private static UUID idOf(Object entity) {
        if (entity instanceof EmergencyPlan p) {
            return p.id();
        }
        return entity instanceof EmergencyDrill d ? d.id() : ((MaterialDistribution) entity).id();
    }
}
