package org.zhenwu.document.report;

import static org.zhenwu.document.report.SvgCharts.escape;
import static org.zhenwu.document.report.SvgCharts.format;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.zhenwu.document.report.AnnualReport.Figure;
import org.zhenwu.platform.calendar.WorkingDayCalendar;

/**
 * The annual summary as one self-contained, printable HTML page: the figures with last year's and the change, then
 * the charts (month by month, year on year, by department). No script, no external resource (the office network is
 * closed), A4 print rules.
 */
@Component
class AnnualReportPage {
    private static final List<String> MONTHLY = List.of("hotline.workOrders", "hall.accepted", "hall.completed",
            "documents.receivedFromDistrictOa", "documents.issued", "fleet.trips", "fleet.tripCost",
            "congress.suggestionsReceived");
    private static final Map<String, String> BY_DEPARTMENT = Map.of("hall.accepted", "行政服务中心受理量（按审批部门）",
            "documents.issued", "发文（按机关代字）", "hotline.workOrders", "热线工单（按类型）", "fleet.trips", "出车（按车辆类别）",
            "congress.suggestionsReceived", "代表建议（按类别）");
    private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("CONSULTATION", "咨询"),
            Map.entry("HELP", "求助"), Map.entry("COMPLAINT", "投诉"), Map.entry("REPORT", "举报"),
            Map.entry("SUGGESTION", "建议"), Map.entry("PRAISE", "表扬"), Map.entry("MOTION", "议案"),
            Map.entry("UNKNOWN", "待答复"), Map.entry("CONFIDENTIAL_COMMUNICATION", "机要通信用车"),
            Map.entry("EMERGENCY_SUPPORT", "应急保障用车"), Map.entry("LAW_ENFORCEMENT", "执法执勤用车"),
            Map.entry("SPECIALIZED_TECHNICAL", "特种专业技术用车"), Map.entry("GENERAL_OFFICIAL", "一般公务用车"));

    private final Clock clock;

    AnnualReportPage(Clock clock) {
        this.clock = clock;
    }

    String render(AnnualReport r) {
        StringBuilder h = new StringBuilder(64_000);
        String title = r.townName() + r.year() + "年度工作总结 · 数据";
        h.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
                .append("</title><style>").append(CSS).append("</style></head><body>");
        h.append("<header><h1>").append(escape(title)).append("</h1><p class=\"meta\">")
                .append(r.town() == null ? "全区 " + r.towns().size() + " 个镇街合计" : "镇街代码 " + escape(r.town()))
                .append(" · 与 ").append(r.year() - 1).append(" 年同期比较 · 生成于 ")
                .append(LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE))).append(" · 数据来自镇务系统各服务</p></header>");

        h.append("<section><h2>一、主要数据</h2><table><thead><tr><th>类别</th><th>指标</th><th class=\"n\">")
                .append(r.year()).append("年</th><th class=\"n\">").append(r.year() - 1)
                .append("年</th><th class=\"n\">同比</th></tr></thead><tbody>");
        for (Figure f : r.figures()) {
            h.append("<tr").append(f.recorded() ? "" : " class=\"missing\"").append("><td>").append(escape(f.section()))
                    .append("</td><td>").append(escape(f.label())).append("</td>");
            if (!f.recorded()) {
                h.append("<td class=\"n\" colspan=\"3\">尚未录入（#6 办公室台账）</td></tr>");
                continue;
            }
            h.append("<td class=\"n\"><b>").append(value(f.value(), f.unit())).append("</b></td><td class=\"n\">")
                    .append(value(f.previousYear(), f.unit())).append("</td><td class=\"n\">")
                    .append(change(f.changePercent())).append("</td></tr>");
        }
        h.append("</tbody></table>");
        if (r.hallRank() != null) {
            h.append("<p>行政服务中心业务量在全区 ").append(r.hallRank().of()).append(" 个镇街中排第 <b>")
                    .append(r.hallRank().rank()).append("</b> 位。</p>");
        }
        h.append("</section>");

        h.append("<section><h2>二、逐月情况</h2>");
        for (String key : MONTHLY) {
            r.figure(key).filter(Figure::recorded).ifPresent(f -> h.append("<div class=\"chart\">")
                    .append(SvgCharts.monthly(f.label() + "（逐月）", f.byMonth(), f.previousYearByMonth(), r.year(),
                            f.unit()))
                    .append("</div>"));
        }
        h.append("</section>");

        Map<String, BigDecimal> changes = new LinkedHashMap<>();
        for (Figure f : r.figures()) {
            if (f.recorded() && !"%".equals(f.unit()) && f.previousYear() != null) {
                changes.put(f.label(), f.changePercent());
            }
        }
        h.append("<section><h2>三、同比变化</h2><div class=\"chart\">")
                .append(SvgCharts.yearOnYear("与" + (r.year() - 1) + "年相比（%）", changes)).append("</div></section>");

        h.append("<section><h2>四、按部门和类别</h2>");
        for (String key : List.of("hall.accepted", "documents.issued", "hotline.workOrders", "fleet.trips",
                "congress.suggestionsReceived")) {
            r.figure(key).filter(Figure::recorded).ifPresent(f -> h.append("<div class=\"chart\">")
                    .append(SvgCharts.horizontal(BY_DEPARTMENT.get(key), named(f.breakdown()), f.unit(), 12))
                    .append("</div>"));
        }
        if (r.town() == null && !r.hallRanking().isEmpty()) {
            Map<String, BigDecimal> byTown = new LinkedHashMap<>();
            r.hallRanking().forEach(t -> byTown.put(t.rank() + ". " + t.name(), BigDecimal.valueOf(t.accepted())));
            h.append("<div class=\"chart\">").append(SvgCharts.horizontal("各镇街行政服务受理量排名", byTown, "宗", 12))
                    .append("</div>");
        }
        h.append("</section>");

        h.append("<section class=\"notes\"><h2>五、口径说明</h2><ul>");
        for (Figure f : r.figures()) {
            h.append("<li><b>").append(escape(f.label())).append("</b>：").append(escape(f.definition())).append("（")
                    .append(escape(f.source())).append("）</li>");
        }
        h.append("</ul></section></body></html>");
        return h.toString();
    }

    private static Map<String, BigDecimal> named(Map<String, BigDecimal> breakdown) {
        Map<String, BigDecimal> r = new LinkedHashMap<>();
        breakdown.forEach((k, v) -> r.merge(NAMES.getOrDefault(k, k), v, BigDecimal::add));
        return r;
    }

    private static String value(BigDecimal v, String unit) {
        if (v == null) {
            return "—";
        }
        return "%".equals(unit) ? v.toPlainString() + "%" : escape(format(v)) + " " + escape(unit);
    }

    private static String change(BigDecimal p) {
        if (p == null) {
            return "—";
        }
        return "<span class=\"" + (p.signum() >= 0 ? "up" : "down") + "\">" + (p.signum() > 0 ? "+" : "") + format(p)
                + "%</span>";
    }

    private static final String CSS = """
            @page { size: A4; margin: 14mm 12mm; }
            body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", SimSun, sans-serif;
                   color: #111; margin: 0 auto; max-width: 720px; padding: 16px; background: #fff; }
            h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; border-bottom: 2px solid #1f5fa8; padding-bottom: 3px; }
            .meta { color: #555; font-size: 12px; margin: 0 0 8px; }
            table { border-collapse: collapse; width: 100%; font-size: 13px; }
            th, td { border: 1px solid #c9c9c9; padding: 4px 6px; text-align: left; }
            th { background: #eef3fa; } td.n, th.n { text-align: right; white-space: nowrap; }
            tr.missing td { color: #8a6d00; background: #fff8e1; }
            .up { color: #2e7d32; } .down { color: #c62828; }
            .chart { margin: 10px 0 16px; page-break-inside: avoid; break-inside: avoid; }
            .chart svg { max-width: 100%; height: auto; font-family: inherit; }
            .notes { font-size: 11px; color: #444; } .notes li { margin: 2px 0; }
            section { page-break-inside: auto; }
            @media print { body { padding: 0; } h2 { page-break-after: avoid; } }
            """;
}
