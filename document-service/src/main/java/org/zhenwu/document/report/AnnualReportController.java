package org.zhenwu.document.report;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhenwu.platform.security.Caller;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
@RequestMapping("/api/documents/reports")
@Validated
class AnnualReportController {
    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final AnnualReportService reports;
    private final AnnualReportPage page;
    private final AnnualReportDocx docx;

    AnnualReportController(AnnualReportService reports, AnnualReportPage page, AnnualReportDocx docx) {
        this.reports = reports;
        this.page = page;
        this.docx = docx;
    }

    /** The figures of the annual work summary for a town (or, for district roles without a town, all ten). */
    @GetMapping("/annual")
    AnnualReport annual(@RequestParam(required = false) String town, @RequestParam @Min(2000) @Max(2100) int year) {
        return reports.annual(Caller.current(), town, year);
    }

    /** The same as a printable page with its charts; also {@code /annual} with {@code Accept: text/html}. */
    @GetMapping(path = {"/annual.html", "/annual"}, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> annualPage(@RequestParam(required = false) String town,
                                      @RequestParam @Min(2000) @Max(2100) int year) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(page.render(reports.annual(Caller.current(), town, year)));
    }

    /** A Word draft of the summary in the seed's structure with the figures filled in. */
    @GetMapping("/annual.docx")
    ResponseEntity<byte[]> annualDocx(@RequestParam(required = false) String town,
                                      @RequestParam @Min(2000) @Max(2100) int year) {
        AnnualReport report = reports.annual(Caller.current(), town, year);
        return ResponseEntity.ok().contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(report.townName() + year + "年工作总结.docx", StandardCharsets.UTF_8).build().toString())
                .body(docx.render(report));
    }
}
