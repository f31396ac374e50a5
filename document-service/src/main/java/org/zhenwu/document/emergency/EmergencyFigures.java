package org.zhenwu.document.emergency;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.InvalidFieldException;

/**
 * The emergency lines of the annual summary (应急信息报送 and 应急准备), month by month (index 0 = January):
 * <ul>
 * <li>{@value #REPORTS}: emergency reports, by time of occurrence (Asia/Shanghai), imported ones included;</li>
 * <li>{@value #FIRES}, {@value #PRODUCTION_SAFETY}, {@value #WAGE_DISPUTES}, {@value #FLOODS}: of which 火灾,
 * 生产安全事故, 劳资纠纷, 洪涝; {@value #WAGE_DISPUTES_REAL_ESTATE}: wage disputes on real-estate projects;</li>
 * <li>{@value #LATE_REPORTS}: reports with an upward report made late or flagged overdue (迟报/漏报);</li>
 * <li>{@value #DRILLS}: drills held (应急演练), by day held;</li>
 * <li>{@value #MATERIALS}: quantity of material distributed (应急手册, 宣传资料 …), by day distributed;</li>
 * <li>{@value #PLANS_REVIEWED}: plan reviews and revisions (预案评估/修订), by day reviewed — first approvals not
 * counted.</li>
 * </ul>
 */
@Service
public class EmergencyFigures {
    public static final String REPORTS = "emergency.reports";
    public static final String FIRES = "emergency.fires";
    public static final String PRODUCTION_SAFETY = "emergency.productionSafety";
    public static final String WAGE_DISPUTES = "emergency.wageDisputes";
    public static final String WAGE_DISPUTES_REAL_ESTATE = "emergency.wageDisputesRealEstate";
    public static final String FLOODS = "emergency.floods";
    public static final String LATE_REPORTS = "emergency.lateReports";
    public static final String DRILLS = "preparedness.drills";
    public static final String MATERIALS = "preparedness.materials";
    public static final String PLANS_REVIEWED = "preparedness.plansReviewed";
    public static final List<String> KEYS = List.of(REPORTS, FIRES, PRODUCTION_SAFETY, WAGE_DISPUTES,
            WAGE_DISPUTES_REAL_ESTATE, FLOODS, LATE_REPORTS, DRILLS, MATERIALS, PLANS_REVIEWED);

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;

    EmergencyFigures(JdbcClient jdbc, Jurisdictions jurisdictions) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
    }

    /** Every key of {@link #KEYS}, 12 monthly counts each, for {@code towns} (already scoped to the caller). */
    @Transactional(readOnly = true)
    public Map<String, long[]> monthly(List<String> towns, int year) {
        Map<String, long[]> m = new LinkedHashMap<>();
        KEYS.forEach(k -> m.put(k, new long[12]));
        if (towns.isEmpty()) {
            return m;
        }
        Map<String, Object> p = params(towns, year);
        jdbc.sql("""
                SELECT MONTH(occurred_at + INTERVAL 8 HOUR) AS m, COUNT(*) AS total,
                       COALESCE(SUM(category = 'FIRE'), 0) AS fires,
                       COALESCE(SUM(category = 'PRODUCTION_SAFETY'), 0) AS safety,
                       COALESCE(SUM(category = 'WAGE_DISPUTE'), 0) AS wages,
                       COALESCE(SUM(category = 'WAGE_DISPUTE' AND real_estate_project), 0) AS wages_re,
                       COALESCE(SUM(category = 'FLOOD'), 0) AS floods,
                       COALESCE(SUM(phone_late OR written_late OR phone_overdue OR written_overdue), 0) AS late
                FROM emergency_report
                WHERE town_code IN (:towns) AND occurred_at >= :from AND occurred_at < :to GROUP BY m""")
                .params(p).query((rs, i) -> {
                    int k = rs.getInt("m") - 1;
                    m.get(REPORTS)[k] = rs.getLong("total");
                    m.get(FIRES)[k] = rs.getLong("fires");
                    m.get(PRODUCTION_SAFETY)[k] = rs.getLong("safety");
                    m.get(WAGE_DISPUTES)[k] = rs.getLong("wages");
                    m.get(WAGE_DISPUTES_REAL_ESTATE)[k] = rs.getLong("wages_re");
                    m.get(FLOODS)[k] = rs.getLong("floods");
                    m.get(LATE_REPORTS)[k] = rs.getLong("late");
                    return k;
                }).list();
        monthlyInto(m.get(DRILLS), """
                SELECT MONTH(held_on) AS m, COUNT(*) AS n FROM emergency_drill
                WHERE town_code IN (:towns) AND held_on BETWEEN :fromDay AND :toDay GROUP BY m""", p);
        monthlyInto(m.get(MATERIALS), """
                SELECT MONTH(distributed_on) AS m, SUM(quantity) AS n FROM emergency_material
                WHERE town_code IN (:towns) AND distributed_on BETWEEN :fromDay AND :toDay GROUP BY m""", p);
        monthlyInto(m.get(PLANS_REVIEWED), """
                SELECT MONTH(r.reviewed_on) AS m, COUNT(*) AS n
                FROM emergency_plan_review r JOIN emergency_plan p ON p.id = r.plan_id
                WHERE p.town_code IN (:towns) AND r.kind IN ('REVIEWED', 'REVISED')
                AND r.reviewed_on BETWEEN :fromDay AND :toDay GROUP BY m""", p);
        return m;
    }

    /** The year's totals per key — the sums of {@link #monthly} — and what they are made of. */
    @Transactional(readOnly = true)
    public EmergencyStats stats(Caller caller, String town, int year) {
        caller.requireAnyRole(Roles.OFFICE_CLERK, Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN);
        if (year < 1971 || year > 2037) {
            throw new InvalidFieldException("year", "must be from 1971 to 2037");
        }
        List<String> towns = jurisdictions.readScope(caller, town).codes();
        Map<String, Long> totals = new LinkedHashMap<>();
        monthly(towns, year).forEach((k, months) -> {
            long sum = 0;
            for (long n : months) {
                sum += n;
            }
            totals.put(k, sum);
        });
        Map<String, Object> p = params(towns, year);
        Map<String, Long> byCategory = grouped("""
                SELECT category AS k, COUNT(*) AS n FROM emergency_report
                WHERE town_code IN (:towns) AND occurred_at >= :from AND occurred_at < :to
                GROUP BY category ORDER BY n DESC, category""", p);
        Map<String, Long> byLevel = grouped("""
                SELECT level AS k, COUNT(*) AS n FROM emergency_report
                WHERE town_code IN (:towns) AND occurred_at >= :from AND occurred_at < :to
                GROUP BY level ORDER BY n DESC, level""", p);
        Map<String, Long> materialsByItem = grouped("""
                SELECT item AS k, SUM(quantity) AS n FROM emergency_material
                WHERE town_code IN (:towns) AND distributed_on BETWEEN :fromDay AND :toDay
                GROUP BY item ORDER BY n DESC, item""", p);
        Casualties c = jdbc.sql("""
                SELECT COALESCE(SUM(deaths), 0) AS d, COALESCE(SUM(injuries), 0) AS i, COALESCE(SUM(missing), 0) AS m,
                       COALESCE(SUM(economic_loss_yuan), 0) AS loss
                FROM emergency_report WHERE town_code IN (:towns) AND occurred_at >= :from AND occurred_at < :to""")
                .params(p).query((rs, i) -> new Casualties(rs.getLong("d"), rs.getLong("i"), rs.getLong("m"),
                        rs.getBigDecimal("loss"))).single();
        long participants = jdbc.sql("""
                SELECT COALESCE(SUM(participants), 0) FROM emergency_drill
                WHERE town_code IN (:towns) AND held_on BETWEEN :fromDay AND :toDay""")
                .params(p).query(Long.class).single();
        return new EmergencyStats(towns, year, totals, byCategory, byLevel, c.deaths, c.injuries, c.missing,
                c.loss, participants, materialsByItem);
    }

    /**
     * @param totals            the year's total of each figure key
     * @param economicLossYuan  direct economic loss of the year's reports, in yuan
     * @param drillParticipants people who took part in the year's drills
     * @param materialsByItem   quantity distributed per item
     */
    public record EmergencyStats(List<String> towns, int year, Map<String, Long> totals,
                                 Map<String, Long> reportsByCategory, Map<String, Long> reportsByLevel, long deaths,
                                 long injuries, long missing, BigDecimal economicLossYuan, long drillParticipants,
                                 Map<String, Long> materialsByItem) {
    }

    private record Casualties(long deaths, long injuries, long missing, BigDecimal loss) {
    }

    private void monthlyInto(long[] months, String sql, Map<String, Object> p) {
        jdbc.sql(sql).params(p).query((rs, i) -> months[rs.getInt("m") - 1] = rs.getLong("n")).list();
    }

    private Map<String, Long> grouped(String sql, Map<String, Object> p) {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.sql(sql).params(p).query((rs, i) -> out.put(rs.getString("k"), rs.getLong("n"))).list();
        return out;
    }

    private static Map<String, Object> params(List<String> towns, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        return Map.of("towns", towns, "from", EmergencyService.start(first), "to",
                EmergencyService.start(first.plusYears(1)), "fromDay", first, "toDay", LocalDate.of(year, 12, 31));
    }
}
