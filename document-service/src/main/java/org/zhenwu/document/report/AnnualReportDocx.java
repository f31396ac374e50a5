package org.zhenwu.document.report;

import static org.zhenwu.document.report.SvgCharts.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.stereotype.Component;
import org.zhenwu.document.report.AnnualReport.Figure;

/**
 * The Word draft of the summary: the seed summary's structure (sections, the sentences that carry its figures) from
 * {@code annual-summary-template.txt}, with every figure Zhenwu has filled in (bold), the ones the office has not
 * recorded yet marked 【待录入】 (yellow) and the narrative left to the writer as 【待填写：…】 (grey); then the table of
 * figures. Template lines: {@code # } title, {@code ## } section, others paragraphs; {@code {key}} a figure's value,
 * {@code {key.compare}} its change against last year, {@code {?what}} text for the writer.
 */
@Component
class AnnualReportDocx {
    static final String NOT_YET = "【待录入】";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");
    private static final String TEMPLATE = "/org/zhenwu/document/report/annual-summary-template.txt";
    private static final String BODY_FONT = "仿宋_GB2312";
    private static final String HEADING_FONT = "黑体";
    private static final String TITLE_FONT = "方正小标宋简体";

    private final List<String> template;

    AnnualReportDocx() {
        try (InputStream in = AnnualReportDocx.class.getResourceAsStream(TEMPLATE)) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] render(AnnualReport report) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.getProperties().getCoreProperties().setTitle(report.townName() + report.year() + "年工作总结");
            doc.getProperties().getCoreProperties().setCreator("镇务 Zhenwu");
            for (String line : template) {
                if (line.startsWith("# ")) {
                    XWPFParagraph p = doc.createParagraph();
                    p.setAlignment(ParagraphAlignment.CENTER);
                    fill(p, line.substring(2), report, TITLE_FONT, 22, true);
                } else if (line.startsWith("## ")) {
                    XWPFParagraph p = doc.createParagraph();
                    p.setSpacingBefore(200);
                    fill(p, line.substring(3), report, HEADING_FONT, 16, false);
                } else {
                    XWPFParagraph p = doc.createParagraph();
                    p.setFirstLineIndent(640);
                    p.setSpacingBetween(1.5);
                    fill(p, line, report, BODY_FONT, 16, false);
                }
            }
            figuresTable(doc, report);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void fill(XWPFParagraph p, String line, AnnualReport report, String font, int size, boolean bold) {
        Matcher m = PLACEHOLDER.matcher(line);
        int at = 0;
        while (m.find()) {
            run(p, line.substring(at, m.start()), font, size, bold, null);
            String key = m.group(1);
            if (key.startsWith("?")) {
                run(p, "【待填写：" + key.substring(1) + "】", font, size, false, "lightGray");
            } else {
                Value v = resolve(key, report);
                run(p, v.text, font, size, bold || v.figure, v.missing ? "yellow" : null);
            }
            at = m.end();
        }
        run(p, line.substring(at), font, size, bold, null);
    }

    private record Value(String text, boolean figure, boolean missing) {
    }

    private static Value resolve(String key, AnnualReport r) {
        switch (key) {
            case "year":
                return new Value(Integer.toString(r.year()), false, false);
            case "nextYear":
                return new Value(Integer.toString(r.year() + 1), false, false);
            case "previousYear":
                return new Value(Integer.toString(r.year() - 1), false, false);
            case "hall.rank.of":
                return new Value(Integer.toString(r.hallRank() != null ? r.hallRank().of() : r.hallRanking().size()),
                        false, false);
            default:
                break;
        }
        boolean compare = key.endsWith(".compare");
        String figureKey = compare ? key.substring(0, key.length() - ".compare".length()) : key;
        Figure f = r.figure(figureKey).orElseThrow(() -> new IllegalStateException("unknown figure " + figureKey));
        if (!f.recorded()) {
            return new Value(NOT_YET, true, true);
        }
        if (compare) {
            return new Value(compare(f.changePercent(), f.previousYear()), true, false);
        }
        return new Value(text(f), true, false);
    }

    static String text(Figure f) {
        if (f.value() == null) {
            return "—";
        }
        return "%".equals(f.unit()) ? f.value().toPlainString() + "%" : format(f.value());
    }

    static String compare(BigDecimal changePercent, BigDecimal previous) {
        if (changePercent == null) {
            return previous == null || previous.signum() == 0 ? "上年无可比数据" : "与上年持平";
        }
        int sign = changePercent.signum();
        return sign == 0 ? "与上年持平" : (sign > 0 ? "同比增加" : "同比减少") + format(changePercent.abs()) + "%";
    }

    private static void run(XWPFParagraph p, String text, String font, int size, boolean bold, String highlight) {
        if (text.isEmpty()) {
            return;
        }
        XWPFRun run = p.createRun();
        run.setText(text);
        run.setFontFamily(font);
        run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        run.setFontSize(size);
        run.setBold(bold);
        if (highlight != null) {
            run.setTextHighlightColor(highlight);
        }
    }

    private static void figuresTable(XWPFDocument doc, AnnualReport r) {
        XWPFParagraph heading = doc.createParagraph();
        heading.setPageBreak(true);
        run(heading, "附：" + r.townName() + r.year() + "年主要数据（镇务系统生成）", HEADING_FONT, 16, false, null);
        XWPFTable table = doc.createTable(1, 5);
        table.setWidth("100%");
        String[] head = {"类别", "指标", r.year() + "年", (r.year() - 1) + "年", "同比"};
        for (int i = 0; i < head.length; i++) {
            cell(table.getRow(0), i, head[i], true, null);
        }
        for (Figure f : r.figures()) {
            XWPFTableRow row = table.createRow();
            cell(row, 0, f.section(), false, null);
            cell(row, 1, f.label() + ("%".equals(f.unit()) ? "" : "（" + f.unit() + "）"), false, null);
            if (!f.recorded()) {
                cell(row, 2, NOT_YET, false, "yellow");
                cell(row, 3, NOT_YET, false, "yellow");
                cell(row, 4, "", false, null);
                continue;
            }
            cell(row, 2, text(f), true, null);
            cell(row, 3, f.previousYear() == null ? "—"
                    : "%".equals(f.unit()) ? f.previousYear().toPlainString() + "%" : format(f.previousYear()),
                    false, null);
            cell(row, 4, f.changePercent() == null ? "—" : (f.changePercent().signum() > 0 ? "+" : "")
                    + format(f.changePercent()) + "%", false, null);
        }
    }

    private static void cell(XWPFTableRow row, int i, String text, boolean bold, String highlight) {
        XWPFParagraph p = row.getCell(i).getParagraphs().get(0);
        run(p, text, BODY_FONT, 10, bold, highlight);
    }
}
