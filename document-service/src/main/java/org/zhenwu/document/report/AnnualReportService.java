package org.zhenwu.document.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.document.archive.ArchiveFigures;
import org.zhenwu.document.disclosure.DisclosureFigures;
import org.zhenwu.document.emergency.EmergencyFigures;
import org.zhenwu.document.legal.LegalFigures;
import org.zhenwu.document.meeting.MeetingFigures;
import org.zhenwu.document.report.AnnualReport.Figure;
import org.zhenwu.document.report.AnnualReport.RankedTown;
import org.zhenwu.document.report.AnnualReport.Status;
import org.zhenwu.document.stats.DocumentStatsService;
import org.zhenwu.document.stats.DocumentStatsService.DocumentMonths;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.jurisdiction.Town;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;

/**
 * The office's annual work summary (年度工作总结): every figure of the seed summary that Zhenwu has data for, with
 * last year's value and the months, for a town or the whole district. The services' figures come from this service's
 * read model (fed by their events, see {@link ReportFeedService}); the document figures from this service's own tables
 * through {@link DocumentStatsService}. A district report adds up the towns here, with no call to anyone.
 */
@Service
public class AnnualReportService {
    private static final String HOTLINE = "hotline-service: hotline.WorkOrderCreated";
    private static final String HALL = "service-hall-service: service-hall.ApplicationAccepted / ApplicationCompleted";
    private static final String FLEET = "fleet-service: fleet.TripCompleted";
    private static final String CONGRESS = "congress-service: congress.SuggestionAssigned / SuggestionReplied";
    private static final String DOCUMENTS = "document-service: incoming_document / outgoing_document";
    private static final String MEETINGS = "document-service: meeting, research_visit, supervision_task";
    private static final String LEGAL = "document-service: legal_opinion, legal_case, legality_review, contract";
    private static final String DISCLOSURE = "document-service: disclosure_item, disclosure_channel";
    private static final String ARCHIVES = "document-service: archive_item";
    private static final String EMERGENCY = "document-service: emergency_report, emergency_drill, emergency_material";

    private final JdbcClient jdbc;
    private final Jurisdictions jurisdictions;
    private final DocumentStatsService documents;
    private final EmergencyFigures emergency;
    private final MeetingFigures meetings;
    private final DisclosureFigures disclosure;
    private final LegalFigures legal;
    private final ArchiveFigures archives;

    AnnualReportService(JdbcClient jdbc, Jurisdictions jurisdictions, DocumentStatsService documents,
                        EmergencyFigures emergency, MeetingFigures meetings, DisclosureFigures disclosure,
                        ArchiveFigures archives, LegalFigures legal) {
        this.legal = legal;
        this.meetings = meetings;
        this.disclosure = disclosure;
        this.archives = archives;
        this.jdbc = jdbc;
        this.jurisdictions = jurisdictions;
        this.documents = documents;
        this.emergency = emergency;
    }

    @Transactional(readOnly = true)
    public AnnualReport annual(Caller caller, String town, int year) {
        caller.requireAnyRole(Roles.OFFICE_CLERK, Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN);
        List<String> towns = jurisdictions.readScope(caller, town).codes();
        String single = towns.size() == 1 ? towns.get(0) : null;
        List<Figure> figures = new ArrayList<>();

        documentFigures(towns, year, figures);
        legalFigures(towns, year, figures);
        disclosureFigures(towns, year, figures);
        archiveFigures(towns, year, figures);
        emergencyFigures(towns, year, figures);
        meetingFigures(towns, year, figures);
        congressFigures(towns, year, figures);
        List<RankedTown> ranking = ranking(year);
        hallFigures(towns, year, figures, single == null ? null : ranking.stream()
                .filter(r -> r.town().equals(single)).findFirst().orElse(null), ranking.size());
        hotlineFigures(towns, year, figures);
        fleetFigures(towns, year, figures);

        Figure hotline = figures.stream().filter(f -> f.key().equals("hotline.workOrders")).findFirst().orElseThrow();
        AnnualReport.Rank rank = single == null ? null : ranking.stream().filter(r -> r.town().equals(single))
                .findFirst().map(r -> new AnnualReport.Rank(r.rank(), ranking.size())).orElse(null);
        return new AnnualReport(single, single == null ? "全区" : jurisdictions.town(single).map(Town::name).orElse(single),
                towns, year, hotline.value().longValue(), hotline.byMonth().stream().map(BigDecimal::intValue).toList(),
                figures, rank, ranking, figures.stream().filter(f -> !f.recorded()).map(Figure::key).toList());
    }

    // ---- documents: this service's own tables -----------------------------------------------------------------

    private void documentFigures(List<String> towns, int year, List<Figure> out) {
        DocumentMonths now = documents.monthly(towns, year);
        DocumentMonths before = documents.monthly(towns, year - 1);
        out.add(count("documents.receivedFromDistrictOa", "办文", "处理区政府OA平台文件", "份", now.receivedFromDistrictOa,
                before.receivedFromDistrictOa, Map.of(), DOCUMENTS,
                "收文 signed in during the year over the district OA platform (= /api/documents/stats receivedFromDistrictOa)"));
        long[] documentsNow = minus(now.issued, now.telegramsSent);
        out.add(count("documents.issued", "办文", "印发镇委、政府、人大及其办公室文件、函件", "份", documentsNow,
                minus(before.issued, before.telegramsSent), decimals(now.documentsByIssuer), DOCUMENTS,
                "发文 (documents and letters, not telegrams) distributed (核发) during the year, per 机关代字 "
                        + "(= /api/documents/stats issued − telegramsSent)"));
        out.add(count("documents.telegramsSent", "办文", "发出明传电报", "份", now.telegramsSent, before.telegramsSent,
                Map.of(), DOCUMENTS, "telegrams distributed during the year (= /api/documents/stats telegramsSent)"));
        out.add(count("documents.petitionsHandled", "办文", "督办处理信访件", "份", now.petitionsHandled,
                before.petitionsHandled, Map.of(), DOCUMENTS,
                "petition letters completed during the year (= /api/documents/stats petitionsHandled)"));
        out.add(count("documents.classifiedHandled", "办文", "处理密件", "份", now.classifiedHandled,
                before.classifiedHandled, Map.of(), DOCUMENTS,
                "classified documents received plus issued during the year (= /api/documents/stats classifiedHandled)"));
        out.add(count("documents.received", "办文", "收文总数", "份", now.received, before.received, Map.of(), DOCUMENTS,
                "every 收文 signed in during the year, any channel (= /api/documents/stats received)"));
    }

    // ---- the office's own records (issue #6): each feature's Figures, the same numbers as its /stats --------------

    private void meetingFigures(List<String> towns, int year, List<Figure> out) {
        Records r = new Records(meetings.monthly(towns, year), meetings.monthly(towns, year - 1), MEETINGS,
                " (= /api/documents/meetings/stats)");
        out.add(r.count(MeetingFigures.MEETINGS_HELD, "办会", "筹办会议", "次",
                "meetings held (HELD or MINUTED), imported ones included, by the day they began"));
        out.add(r.count(MeetingFigures.PARTY_COMMITTEE, "办会", "其中镇委会议", "次", "of which Party committee meetings"));
        out.add(r.count(MeetingFigures.DECISIONS, "办会", "会议议定事项转督办", "项",
                "meeting decisions (议定事项) turned into supervision tasks"));
        out.add(r.count(MeetingFigures.RESEARCH_VISITS, "调研", "开展调研活动", "次",
                "research visits conducted or reported, by their first day"));
        out.add(r.count(MeetingFigures.RESEARCH_TASKS, "调研", "调研成果转化任务", "项",
                "supervision tasks opened from research reports"));
    }

    private void legalFigures(List<String> towns, int year, List<Figure> out) {
        Records r = new Records(legal.monthly(towns, year), legal.monthly(towns, year - 1), LEGAL,
                " (= /api/documents/legal/stats)");
        out.add(r.count(LegalFigures.OPINIONS, "法制", "提供法律意见书", "件",
                "legal opinions (法律意见书) issued, imported ones included, by issue date"));
        out.add(r.count(LegalFigures.CASES, "法制", "代理案件", "件", "cases taken on by counsel (代理案件), by registration"));
        out.add(r.count(LegalFigures.REVIEWS, "法制", "规范性文件法制审核", "件",
                "legality reviews of normative documents concluded"));
        out.add(r.count(LegalFigures.CONTRACTS_REVIEWED, "法制", "合同法制审核", "次",
                "contract legal-review rounds concluded (rejections included)"));
        out.add(r.count(LegalFigures.CONTRACTS_SIGNED, "法制", "签订合同", "份", "contracts signed"));
    }

    private void disclosureFigures(List<String> towns, int year, List<Figure> out) {
        Records r = new Records(disclosure.monthly(towns, year), disclosure.monthly(towns, year - 1), DISCLOSURE,
                " (= /api/documents/disclosure/stats)");
        out.add(r.count(DisclosureFigures.ITEMS, "政务公开", "主动公开政务信息", "条",
                "items published (政务公开), imported ones included, by first publication; later withdrawals still count"));
        out.add(r.count(DisclosureFigures.WEBSITE, "政务公开", "其中政务网站", "条", "of which on the government website"));
        out.add(r.count(DisclosureFigures.WECHAT, "政务公开", "其中政务微信", "条", "of which on the WeChat account"));
    }

    private void archiveFigures(List<String> towns, int year, List<Figure> out) {
        Records r = new Records(archives.monthly(towns, year), archives.monthly(towns, year - 1), ARCHIVES,
                " (= /api/documents/archives/stats)");
        out.add(r.count(ArchiveFigures.DOCUMENTARY, "档案", "整理文书档案", "件",
                "文书 archive items arranged during the year (by filing date, whatever their archive year)"));
        out.add(r.count(ArchiveFigures.MARRIAGE, "档案", "整理婚姻档案", "件", "婚姻 archive items arranged during the year"));
        out.add(r.count(ArchiveFigures.TOTAL, "档案", "整理档案合计", "件", "archive items of every category arranged"));
    }

    private void emergencyFigures(List<String> towns, int year, List<Figure> out) {
        Records r = new Records(emergency.monthly(towns, year), emergency.monthly(towns, year - 1), EMERGENCY,
                " (= /api/documents/emergency/stats)");
        out.add(r.count(EmergencyFigures.REPORTS, "应急", "上报应急信息", "起",
                "emergency reports (应急信息) filed, imported ones included, by time of occurrence"));
        out.add(r.count(EmergencyFigures.FIRES, "应急", "其中火灾事故", "起", "of which fires"));
        out.add(r.count(EmergencyFigures.PRODUCTION_SAFETY, "应急", "生产安全事故", "起",
                "of which production-safety accidents"));
        out.add(r.count(EmergencyFigures.WAGE_DISPUTES, "应急", "工程项目涉劳资纠纷", "起", "of which wage disputes"));
        out.add(r.count(EmergencyFigures.WAGE_DISPUTES_REAL_ESTATE, "应急", "其中涉房地产项目", "起",
                "of which wage disputes on real-estate projects"));
        out.add(r.count(EmergencyFigures.FLOODS, "应急", "洪涝灾害", "起", "of which floods"));
        out.add(r.count(EmergencyFigures.LATE_REPORTS, "应急", "迟报、漏报应急信息", "起",
                "reports whose phone or written report upward came late or is overdue"));
        out.add(r.count(EmergencyFigures.MATERIALS, "应急", "派发应急宣传资料", "份",
                "handbooks and leaflets (应急宣传手册等) distributed to villages and units, by day distributed"));
        out.add(r.count(EmergencyFigures.DRILLS, "应急", "开展应急演练", "次", "emergency drills held"));
        out.add(r.count(EmergencyFigures.PLANS_REVIEWED, "应急", "修订完善应急预案", "次",
                "emergency plans reviewed or revised (a plan's first approval not counted)"));
    }

    /** One feature's monthly counts this year and last, turned into figures with the source named once. */
    private record Records(Map<String, long[]> now, Map<String, long[]> before, String source, String sameAs) {
        Figure count(String key, String section, String label, String unit, String definition) {
            return AnnualReportService.count(key, section, label, unit, now.get(key), before.get(key), Map.of(), source,
                    definition + sameAs);
        }
    }

    // ---- congress ---------------------------------------------------------------------------------------------

    private void congressFigures(List<String> towns, int year, List<Figure> out) {
        long[][] received = new long[2][12];
        long[][] replied = new long[2][12];
        long[][] onTime = new long[2][12];
        Map<String, BigDecimal> byKind = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT YEAR(first_seen_on) AS y, MONTH(first_seen_on) AS m, COALESCE(kind, 'UNKNOWN') AS kind, COUNT(*) AS n,
                       COALESCE(SUM(first_replied_on IS NOT NULL), 0) AS replied,
                       COALESCE(SUM(first_reply_on_time = TRUE), 0) AS on_time
                FROM congress_suggestion
                WHERE town_code IN (:towns) AND first_seen_on BETWEEN :from AND :to
                  AND (kind IS NULL OR kind IN ('SUGGESTION', 'MOTION'))
                GROUP BY y, m, kind""")
                .param("towns", towns).param("from", LocalDate.of(year - 1, 1, 1)).param("to", LocalDate.of(year, 12, 31))
                .query((rs, i) -> {
                    int y = rs.getInt("y") == year ? 0 : 1;
                    int m = rs.getInt("m") - 1;
                    received[y][m] += rs.getLong("n");
                    replied[y][m] += rs.getLong("replied");
                    onTime[y][m] += rs.getLong("on_time");
                    if (y == 0) {
                        byKind.merge(rs.getString("kind"), BigDecimal.valueOf(rs.getLong("n")), BigDecimal::add);
                    }
                    return y;
                }).list();
        out.add(count("congress.suggestionsReceived", "人大", "代表的意见建议", "条", received[0], received[1],
                sorted(byKind), CONGRESS,
                "deputies' suggestions and motions (kinds SUGGESTION + MOTION), dated by their first 交办 (by the first "
                        + "reply when no assignment was announced); congress-service counts them by submission "
                        + "(= byKind.SUGGESTION.received + byKind.MOTION.received when submitted and assigned in the same year)"));
        out.add(rateFigure("congress.onTimeReplyRate", "人大", "按时办复率", onTime[0], replied[0], onTime[1], replied[1], CONGRESS,
                "first replies by their deadline / first replies, over the suggestions and motions above "
                        + "(= congress-service onTimeReplyRate on the same suggestions)"));
    }

    // ---- service hall -----------------------------------------------------------------------------------------

    private void hallFigures(List<String> towns, int year, List<Figure> out, RankedTown own, int of) {
        long[][] accepted = new long[2][12];
        long[][] completed = new long[2][12];
        jdbc.sql("""
                SELECT year AS y, month AS m, SUM(accepted) AS accepted, SUM(completed) AS completed FROM hall_month
                WHERE town_code IN (:towns) AND year IN (:years) GROUP BY year, month""")
                .param("towns", towns).param("years", List.of(year, year - 1))
                .query((rs, i) -> {
                    int y = rs.getInt("y") == year ? 0 : 1;
                    accepted[y][rs.getInt("m") - 1] = rs.getLong("accepted");
                    completed[y][rs.getInt("m") - 1] = rs.getLong("completed");
                    return y;
                }).list();
        Map<String, BigDecimal> byDepartment = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT department AS k, SUM(accepted) AS n FROM hall_month WHERE town_code IN (:towns) AND year = :year
                GROUP BY department HAVING n > 0 ORDER BY n DESC, department""")
                .param("towns", towns).param("year", year)
                .query((rs, i) -> byDepartment.put(rs.getString("k").isEmpty() ? "(未知)" : rs.getString("k"),
                        BigDecimal.valueOf(rs.getLong("n")))).list();
        out.add(count("hall.accepted", "行政服务", "行政服务中心业务受理量", "宗", accepted[0], accepted[1], byDepartment, HALL,
                "applications accepted (受理) during the year, by acceptedOn (= /api/service-hall/stats accepted)"));
        out.add(count("hall.completed", "行政服务", "办结量", "宗", completed[0], completed[1], Map.of(), HALL,
                "of those, completed (办结) since (= /api/service-hall/stats completed)"));
        out.add(rateFigure("hall.completionRate", "行政服务", "办结率", completed[0], accepted[0], completed[1], accepted[1], HALL,
                "completed / accepted (= /api/service-hall/stats completionRate)"));
        BigDecimal rank = own == null ? null : BigDecimal.valueOf(own.rank());
        out.add(new Figure("hall.rank", "行政服务", "业务量在全区" + of + "个镇街排名", "位", Status.RECORDED, rank, null, null,
                List.of(), List.of(), Map.of(), HALL, "place by 受理量, then 办结率, among the district's towns "
                + "(= /api/service-hall/stats townRank); null for the district itself"));
    }

    /** Every town of the district, busiest first (受理量, then 办结率, then code), as the hall ranks them. */
    private List<RankedTown> ranking(int year) {
        Map<String, long[]> byTown = new HashMap<>();
        jdbc.sql("SELECT town_code AS t, SUM(accepted) AS a, SUM(completed) AS c FROM hall_month WHERE year = :year GROUP BY town_code")
                .param("year", year)
                .query((rs, i) -> byTown.put(rs.getString("t"), new long[] {rs.getLong("a"), rs.getLong("c")})).list();
        List<long[]> lines = new ArrayList<>();
        List<Town> all = jurisdictions.towns();
        for (int i = 0; i < all.size(); i++) {
            long[] l = byTown.getOrDefault(all.get(i).code(), new long[] {0, 0});
            lines.add(new long[] {l[0], l[1], i});
        }
        lines.sort(Comparator.<long[]>comparingLong(l -> l[0]).reversed()
                .thenComparing(l -> orZero(rate(l[1], l[0])), Comparator.reverseOrder())
                .thenComparing(l -> all.get((int) l[2]).code()));
        List<RankedTown> ranked = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            long[] l = lines.get(i);
            Town t = all.get((int) l[2]);
            ranked.add(new RankedTown(i + 1, t.code(), t.name(), l[0], l[1], rate(l[1], l[0])));
        }
        return ranked;
    }

    // ---- hotline ----------------------------------------------------------------------------------------------

    private void hotlineFigures(List<String> towns, int year, List<Figure> out) {
        long[][] orders = new long[2][12];
        jdbc.sql("""
                SELECT year AS y, month AS m, SUM(work_orders) AS n FROM hotline_month
                WHERE town_code IN (:towns) AND year IN (:years) GROUP BY year, month""")
                .param("towns", towns).param("years", List.of(year, year - 1))
                .query((rs, i) -> orders[rs.getInt("y") == year ? 0 : 1][rs.getInt("m") - 1] = rs.getLong("n")).list();
        Map<String, BigDecimal> byType = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT order_type AS k, SUM(work_orders) AS n FROM hotline_month_type
                WHERE town_code IN (:towns) AND year = :year GROUP BY order_type ORDER BY n DESC, order_type""")
                .param("towns", towns).param("year", year)
                .query((rs, i) -> byType.put(rs.getString("k"), BigDecimal.valueOf(rs.getLong("n")))).list();
        out.add(count("hotline.workOrders", "政务热线", "政务热线平台处理咨询投诉工单", "宗", orders[0], orders[1], byType, HOTLINE,
                "work orders accepted (受理) during the year, by acceptance time in Beijing (= /api/hotline/stats total; "
                        + "changePercent = yearOnYearChangePercent)"));
    }

    // ---- fleet ------------------------------------------------------------------------------------------------

    private void fleetFigures(List<String> towns, int year, List<Figure> out) {
        long[][] trips = new long[2][12];
        long[][] km = new long[2][12];
        BigDecimal[][] cost = new BigDecimal[2][12];
        for (BigDecimal[] row : cost) {
            Arrays.fill(row, BigDecimal.ZERO.setScale(2));
        }
        jdbc.sql("""
                SELECT year AS y, month AS m, SUM(trips) AS trips, SUM(km) AS km, SUM(cost_yuan) AS cost FROM fleet_month
                WHERE town_code IN (:towns) AND year IN (:years) GROUP BY year, month""")
                .param("towns", towns).param("years", List.of(year, year - 1))
                .query((rs, i) -> {
                    int y = rs.getInt("y") == year ? 0 : 1;
                    int m = rs.getInt("m") - 1;
                    trips[y][m] = rs.getLong("trips");
                    km[y][m] = rs.getLong("km");
                    cost[y][m] = rs.getBigDecimal("cost").setScale(2, RoundingMode.HALF_UP);
                    return y;
                }).list();
        Map<String, BigDecimal> byClass = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT vehicle_class AS k, SUM(trips) AS n FROM fleet_month WHERE town_code IN (:towns) AND year = :year
                GROUP BY vehicle_class ORDER BY n DESC, vehicle_class""")
                .param("towns", towns).param("year", year)
                .query((rs, i) -> byClass.put(rs.getString("k"), BigDecimal.valueOf(rs.getLong("n")))).list();
        out.add(count("fleet.trips", "公务用车", "公务用车出车", "车次", trips[0], trips[1], byClass, FLEET,
                "settled trips (结算) that departed during the year (= /api/fleet/stats trips, tripsChangePercent)"));
        out.add(count("fleet.km", "公务用车", "行驶里程", "公里", km[0], km[1], Map.of(), FLEET,
                "their kilometres (= /api/fleet/stats km)"));
        out.add(money("fleet.tripCost", "公务用车", "出车费用", "元", cost[0], cost[1], FLEET,
                "what those trips were costed at: fuel, tolls, parking, other (= /api/fleet/stats tripCostYuan)"));
    }

    // ---- figure building --------------------------------------------------------------------------------------

    private static Figure count(String key, String section, String label, String unit, long[] now, long[] before,
                                Map<String, BigDecimal> breakdown, String source, String definition) {
        long total = Arrays.stream(now).sum();
        long previous = Arrays.stream(before).sum();
        return new Figure(key, section, label, unit, Status.RECORDED, BigDecimal.valueOf(total), BigDecimal.valueOf(previous),
                changePercent(BigDecimal.valueOf(total), BigDecimal.valueOf(previous)), decimals(now), decimals(before),
                breakdown, source, definition);
    }

    private static Figure money(String key, String section, String label, String unit, BigDecimal[] now,
                                BigDecimal[] before, String source, String definition) {
        BigDecimal total = Arrays.stream(now).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
        BigDecimal previous = Arrays.stream(before).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
        return new Figure(key, section, label, unit, Status.RECORDED, total, previous, changePercent(total, previous),
                List.of(now), List.of(before), Map.of(), source, definition);
    }

    private static Figure rateFigure(String key, String section, String label, long[] part, long[] whole,
                                     long[] partBefore, long[] wholeBefore, String source, String definition) {
        List<BigDecimal> months = new ArrayList<>();
        List<BigDecimal> monthsBefore = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            months.add(rate(part[m], whole[m]));
            monthsBefore.add(rate(partBefore[m], wholeBefore[m]));
        }
        return new Figure(key, section, label, "%", Status.RECORDED,
                rate(Arrays.stream(part).sum(), Arrays.stream(whole).sum()),
                rate(Arrays.stream(partBefore).sum(), Arrays.stream(wholeBefore).sum()), null,
                java.util.Collections.unmodifiableList(months), java.util.Collections.unmodifiableList(monthsBefore),
                Map.of(), source, definition);
    }

    private static long[] minus(long[] a, long[] b) {
        long[] r = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] - b[i];
        }
        return r;
    }

    private static List<BigDecimal> decimals(long[] values) {
        return Arrays.stream(values).mapToObj(BigDecimal::valueOf).toList();
    }

    private static Map<String, BigDecimal> decimals(Map<String, Long> values) {
        Map<String, BigDecimal> r = new LinkedHashMap<>();
        values.forEach((k, v) -> r.put(k, BigDecimal.valueOf(v)));
        return r;
    }

    private static Map<String, BigDecimal> sorted(Map<String, BigDecimal> values) {
        Map<String, BigDecimal> r = new LinkedHashMap<>();
        values.entrySet().stream().sorted(Map.Entry.<String, BigDecimal>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).forEach(e -> r.put(e.getKey(), e.getValue()));
        return r;
    }

    /** Percent with one decimal, half up; null when there is nothing to divide by (as every service's figures). */
    static BigDecimal rate(long part, long whole) {
        return whole <= 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    static BigDecimal changePercent(BigDecimal now, BigDecimal before) {
        return before.signum() == 0 ? null
                : now.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before, 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
