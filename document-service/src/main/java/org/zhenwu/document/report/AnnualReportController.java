package org.zhenwu.document.report;

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
    private final AnnualReportService reports;

    AnnualReportController(AnnualReportService reports) {
        this.reports = reports;
    }

    /** The figures of the annual work summary for a town (or, for district roles without a town, all ten). */
    @GetMapping("/annual")
    AnnualReportService.AnnualReport annual(@RequestParam(required = false) String town,
                                            @RequestParam @Min(2000) @Max(2100) int year) {
        return reports.annual(Caller.current(), town, year);
    }
}
