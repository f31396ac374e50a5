package org.zhenwu.document.legal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.document.contract.ContractRisk;
import org.zhenwu.document.contract.ContractService;
import org.zhenwu.document.contract.LegalReviewers;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.ForbiddenException;

/**
 * The legal lines of the annual summary (法治建设: "出具法律意见书XX份, 代理案件XX件", 规范性文件法制审核, 合同管理),
 * month by month, imported historical records included. Each figure counts on one day of its record:
 * <ul>
 * <li>{@value #OPINIONS}: legal opinions issued, by issue day;</li>
 * <li>{@value #CASES}: cases registered, by registration day;</li>
 * <li>{@value #REVIEWS}: legality reviews of normative documents concluded, by conclusion day;</li>
 * <li>{@value #CONTRACTS_REVIEWED}: contract review rounds concluded (a rejected round counts too), by conclusion
 * day;</li>
 * <li>{@value #CONTRACTS_SIGNED}: contracts signed, by signing day.</li>
 * </ul>
 */
@Service
public class LegalFigures {
    public static final String OPINIONS = "legal.opinions";
    public static final String CASES = "legal.cases";
    public static final String REVIEWS = "legal.reviews";
    public static final String CONTRACTS_REVIEWED = "contracts.reviewed";
    public static final String CONTRACTS_SIGNED = "contracts.signed";

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;
    private final LegalReviewers reviewers;
    private final ContractService contracts;

    LegalFigures(JdbcClient jdbc, Jurisdictions jurisdictions, LegalReviewers reviewers, ContractService contracts) {
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
        this.reviewers = reviewers;
        this.contracts = contracts;
    }

    /**
     * For each figure key, 12 monthly counts (index 0 = January) for these towns and that year; every key is
     * present, zeros included. For the annual summary, which has already scoped {@code towns} to its caller.
     */
    @Transactional(readOnly = true)
    public Map<String, long[]> monthly(List<String> towns, int year) {
        Map<String, Object> p = year(towns, year);
        Map<String, long[]> m = new LinkedHashMap<>();
        m.put(OPINIONS, months("legal_opinion", "issued_on", "status = 'ISSUED'", p));
        m.put(CASES, months("legal_case", "registered_on", "TRUE", p));
        m.put(REVIEWS, months("legality_review", "concluded_on", "status = 'CONCLUDED'", p));
        m.put(CONTRACTS_REVIEWED, months("contract_review", "concluded_on", "outcome IS NOT NULL", p));
        m.put(CONTRACTS_SIGNED, months("contract", "signed_on", "TRUE", p));
        return m;
    }

    /** The year's totals per figure key, from {@link #monthly}, and the breakdowns the office asks for. */
    @Transactional(readOnly = true)
    public LegalStats stats(Caller caller, String town, int year) {
        if (!caller.hasAnyRole(Roles.OFFICE_CLERK, Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN)
                && !reviewers.covers(caller)) {
            throw new ForbiddenException("Legal figures are for the office and the legal reviewers");
        }
        List<String> towns = jurisdictions.readScope(caller, town).codes();
        Map<String, long[]> monthly = monthly(towns, year);
        Map<String, Long> totals = new LinkedHashMap<>();
        monthly.forEach((k, v) -> totals.put(k, Arrays.stream(v).sum()));
        Map<String, Object> p = year(towns, year);
        Map<String, Long> byRisk = new LinkedHashMap<>();
        contracts.riskCounts(towns).forEach((r, n) -> byRisk.put(r.name(), n));
        return new LegalStats(towns, year, totals, monthly,
                breakdown("legal_opinion", "subject_area", "issued_on", "status = 'ISSUED'", p),
                breakdown("legal_case", "kind", "registered_on", "TRUE", p),
                breakdown("legal_case", "outcome", "closed_on", "status = 'CLOSED'", p),
                breakdown("legality_review", "outcome", "concluded_on", "status = 'CONCLUDED'", p),
                breakdown("contract_review", "outcome", "concluded_on", "outcome IS NOT NULL", p),
                byRisk);
    }

    private static Map<String, Object> year(List<String> towns, int year) {
        return Map.of("towns", towns, "from", LocalDate.of(year, 1, 1), "to", LocalDate.of(year, 12, 31));
    }

    private long[] months(String table, String day, String condition, Map<String, Object> p) {
        long[] counts = new long[12];
        jdbc.sql("SELECT MONTH(" + day + ") AS m, COUNT(*) AS n FROM " + table + " WHERE town_code IN (:towns) AND "
                        + condition + " AND " + day + " BETWEEN :from AND :to GROUP BY m")
                .params(p).query((rs, i) -> counts[rs.getInt("m") - 1] = rs.getLong("n")).list();
        return counts;
    }

    private Map<String, Long> breakdown(String table, String column, String day, String condition,
                                        Map<String, Object> p) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT " + column + " AS k, COUNT(*) AS n FROM " + table + " WHERE town_code IN (:towns) AND "
                        + condition + " AND " + day + " BETWEEN :from AND :to GROUP BY " + column
                        + " ORDER BY n DESC, k")
                .params(p).query((rs, i) -> counts.put(rs.getString("k"), rs.getLong("n"))).list();
        return counts;
    }

    /**
     * @param totals                   the year's count per figure key (the sum of {@code monthly})
     * @param opinionsBySubject        opinions issued in the year per subject area
     * @param casesByKind              cases registered in the year per kind
     * @param casesByOutcome           cases closed in the year per outcome
     * @param legalityReviewsByOutcome legality reviews concluded in the year per outcome
     * @param contractReviewsByOutcome contract review rounds concluded in the year per outcome
     * @param contractsByRisk          contracts carrying each {@link ContractRisk} flag today (not tied to the year)
     */
    public record LegalStats(List<String> towns, int year, Map<String, Long> totals, Map<String, long[]> monthly,
                             Map<String, Long> opinionsBySubject, Map<String, Long> casesByKind,
                             Map<String, Long> casesByOutcome, Map<String, Long> legalityReviewsByOutcome,
                             Map<String, Long> contractReviewsByOutcome, Map<String, Long> contractsByRisk) {
    }
}
