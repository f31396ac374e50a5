package org.zhenwu.document.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Charts as inline SVG, drawn on the server: the page needs no script and no network, prints as it shows, and a
 * headless browser renders it the same. Every text that came from data is escaped.
 */
final class SvgCharts {
    static final String THIS_YEAR = "#1f5fa8";
    static final String LAST_YEAR = "#b8c7db";
    private static final String UP = "#2e7d32";
    private static final String DOWN = "#c62828";
    private static final String[] MONTHS = {"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"};

    private SvgCharts() {
    }

    /** Twelve pairs of bars: this year beside last year, month by month. */
    static String monthly(String title, List<BigDecimal> now, List<BigDecimal> before, int year, String unit) {
        int w = 680;
        int h = 250;
        int left = 56;
        int right = 12;
        int top = 36;
        int bottom = 40;
        double max = niceMax(max(now, before));
        if (whole(now) && whole(before)) {
            max = Math.max(4, Math.ceil(max / 4) * 4);
        }
        double plotW = w - left - right;
        double plotH = h - top - bottom;
        StringBuilder svg = open(w, h, title);
        svg.append(legend(left, 22, year, year - 1));
        axis(svg, left, top, plotW, plotH, max, unit);
        double slot = plotW / 12;
        double bar = slot * 0.36;
        for (int m = 0; m < 12; m++) {
            double x = left + m * slot + slot * 0.12;
            barV(svg, x, top, plotH, bar, value(before, m), max, LAST_YEAR, (year - 1) + "年" + MONTHS[m]);
            barV(svg, x + bar, top, plotH, bar, value(now, m), max, THIS_YEAR, year + "年" + MONTHS[m]);
            svg.append(text(left + m * slot + slot / 2, top + plotH + 16, MONTHS[m], "middle", 11, "#333"));
        }
        return svg.append("</svg>").toString();
    }

    /** Horizontal bars, largest first (at most {@code limit}; the rest summed as 其他). */
    static String horizontal(String title, Map<String, BigDecimal> values, String unit, int limit) {
        List<Map.Entry<String, BigDecimal>> rows = new ArrayList<>(values.entrySet());
        if (rows.size() > limit) {
            BigDecimal rest = rows.subList(limit - 1, rows.size()).stream().map(Map.Entry::getValue)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            rows = new ArrayList<>(rows.subList(0, limit - 1));
            rows.add(Map.entry("其他", rest));
        }
        int rowH = 24;
        int w = 680;
        int label = 170;
        int h = 40 + Math.max(1, rows.size()) * rowH + 10;
        StringBuilder svg = open(w, h, title);
        if (rows.isEmpty()) {
            svg.append(text(w / 2.0, 60, "本年度暂无数据", "middle", 13, "#888"));
            return svg.append("</svg>").toString();
        }
        double max = niceMax(rows.stream().mapToDouble(e -> e.getValue().doubleValue()).max().orElse(0));
        double plotW = w - label - 90;
        for (int i = 0; i < rows.size(); i++) {
            double y = 34 + i * rowH;
            double len = max == 0 ? 0 : rows.get(i).getValue().doubleValue() / max * plotW;
            svg.append(text(label - 8, y + 15, shorten(rows.get(i).getKey(), 14), "end", 12, "#333"));
            svg.append(rect(label, y + 3, Math.max(len, 1), rowH - 8, THIS_YEAR, rows.get(i).getKey()));
            svg.append(text(label + len + 6, y + 15, format(rows.get(i).getValue()) + unit, "start", 12, "#333"));
        }
        return svg.append("</svg>").toString();
    }

    /** Change against last year, one bar per figure: right and green for more, left and red for less. */
    static String yearOnYear(String title, Map<String, BigDecimal> changePercent) {
        int rowH = 26;
        int w = 680;
        int label = 210;
        int h = 40 + Math.max(1, changePercent.size()) * rowH + 10;
        StringBuilder svg = open(w, h, title);
        double limit = niceMax(changePercent.values().stream().filter(v -> v != null)
                .mapToDouble(v -> Math.abs(v.doubleValue())).max().orElse(0));
        double half = (w - label - 70) / 2.0;
        double zero = label + half;
        svg.append(line(zero, 30, zero, h - 8, "#999"));
        int i = 0;
        for (Map.Entry<String, BigDecimal> e : changePercent.entrySet()) {
            double y = 34 + i++ * rowH;
            svg.append(text(label - 8, y + 16, shorten(e.getKey(), 16), "end", 12, "#333"));
            if (e.getValue() == null) {
                svg.append(text(zero + 6, y + 16, "上年无数据", "start", 11, "#888"));
                continue;
            }
            double v = e.getValue().doubleValue();
            double len = limit == 0 ? 0 : Math.abs(v) / limit * half;
            double x = v >= 0 ? zero : zero - len;
            svg.append(rect(x, y + 4, Math.max(len, 1), rowH - 9, v >= 0 ? UP : DOWN, e.getKey()));
            String t = (v > 0 ? "+" : "") + format(e.getValue()) + "%";
            svg.append(v >= 0 ? text(zero + len + 5, y + 16, t, "start", 12, "#333")
                    : text(zero - len - 5, y + 16, t, "end", 12, "#333"));
        }
        return svg.append("</svg>").toString();
    }

    // ---- pieces ----------------------------------------------------------------------------------------------

    private static StringBuilder open(int w, int h, String title) {
        StringBuilder svg = new StringBuilder();
        svg.append("<svg role=\"img\" viewBox=\"0 0 ").append(w).append(' ').append(h)
                .append("\" width=\"").append(w).append("\" height=\"").append(h).append("\" aria-label=\"")
                .append(escape(title)).append("\"><title>").append(escape(title)).append("</title>")
                .append(text(0, 14, title, "start", 14, "#111").replace("<text ", "<text font-weight=\"bold\" "));
        return svg;
    }

    private static String legend(double x, double y, int year, int previous) {
        return rect(x + 300, y - 9, 12, 10, THIS_YEAR, null) + text(x + 316, y, year + "年", "start", 11, "#333")
                + rect(x + 370, y - 9, 12, 10, LAST_YEAR, null) + text(x + 386, y, previous + "年", "start", 11, "#333");
    }

    private static void axis(StringBuilder svg, double left, double top, double plotW, double plotH, double max, String unit) {
        for (int i = 0; i <= 4; i++) {
            double y = top + plotH - plotH * i / 4;
            svg.append(line(left, y, left + plotW, y, i == 0 ? "#666" : "#e3e3e3"));
            svg.append(text(left - 6, y + 4, format(BigDecimal.valueOf(max * i / 4)), "end", 10, "#555"));
        }
        svg.append(text(left - 6, top - 8, unit, "end", 10, "#555"));
    }

    private static void barV(StringBuilder svg, double x, double top, double plotH, double width, double v, double max,
                             String color, String tip) {
        double len = max == 0 ? 0 : v / max * plotH;
        svg.append(rect(x, top + plotH - len, width, len, color, tip + ": " + format(BigDecimal.valueOf(v))));
    }

    private static String rect(double x, double y, double w, double h, String fill, String tip) {
        return "<rect x=\"" + n(x) + "\" y=\"" + n(y) + "\" width=\"" + n(w) + "\" height=\"" + n(h) + "\" fill=\"" + fill
                + "\">" + (tip == null ? "" : "<title>" + escape(tip) + "</title>") + "</rect>";
    }

    private static String line(double x1, double y1, double x2, double y2, String stroke) {
        return "<line x1=\"" + n(x1) + "\" y1=\"" + n(y1) + "\" x2=\"" + n(x2) + "\" y2=\"" + n(y2) + "\" stroke=\""
                + stroke + "\" stroke-width=\"1\"/>";
    }

    private static String text(double x, double y, String s, String anchor, int size, String fill) {
        return "<text x=\"" + n(x) + "\" y=\"" + n(y) + "\" text-anchor=\"" + anchor + "\" font-size=\"" + size
                + "\" fill=\"" + fill + "\">" + escape(s) + "</text>";
    }

    private static double value(List<BigDecimal> values, int i) {
        return i < values.size() && values.get(i) != null ? values.get(i).doubleValue() : 0;
    }

    private static double max(List<BigDecimal> a, List<BigDecimal> b) {
        double m = 0;
        for (int i = 0; i < 12; i++) {
            m = Math.max(m, Math.max(value(a, i), value(b, i)));
        }
        return m;
    }

    private static boolean whole(List<BigDecimal> values) {
        return values.stream().allMatch(v -> v == null || v.stripTrailingZeros().scale() <= 0);
    }

    /** 1, 2 or 5 times a power of ten, at least the value (so the axis ends on a round number). */
    static double niceMax(double v) {
        if (v <= 0) {
            return 0;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double f : new double[] {1, 2, 2.5, 5, 10}) {
            if (f * p >= v) {
                return f * p;
            }
        }
        return 10 * p;
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static String format(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() > 2) {
            s = s.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        }
        return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
