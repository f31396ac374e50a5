package org.zhenwu.document.emergency;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zhenwu.document.importing.DocumentImports;
import org.zhenwu.document.importing.ImportResult;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.importing.ImportFile;
import org.zhenwu.platform.security.Caller;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** 应急信息报送 over HTTP. Times are ISO instants; the clerk enters when each report was actually made. */
@RestController
@RequestMapping("/api/documents/emergency")
@Validated
class EmergencyController {
    private final EmergencyService emergencies;
    private final EmergencyFigures figures;
    private final Clock clock;

    EmergencyController(EmergencyService emergencies, EmergencyFigures figures, Clock clock) {
        this.emergencies = emergencies;
        this.figures = figures;
        this.clock = clock;
    }

    /** 接报: announced at once as {@code document.EmergencyReported}. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    EmergencyView receive(@Valid @RequestBody ReceiveRequest r) {
        EmergencyLevel level = r.level() == null ? EmergencyLevel.GENERAL : r.level();
        return emergencies.receive(Caller.current(), r.town(), new EmergencyReport.Incident(r.category(),
                        Boolean.TRUE.equals(r.realEstateProject()), level, r.title().strip(), r.place().strip(),
                        r.description(), r.occurredAt()),
                new EmergencyReport.Casualties(orZero(r.deaths()), orZero(r.injuries()), orZero(r.missing())),
                r.economicLossYuan(), r.receivedAt());
    }

    @GetMapping
    PageResponse list(@RequestParam(required = false) String town,
                      @RequestParam(required = false) EmergencyCategory category,
                      @RequestParam(required = false) EmergencyLevel level,
                      @RequestParam(required = false) EmergencyStatus status,
                      @RequestParam(required = false) Boolean late, @RequestParam(required = false) Boolean overdue,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
                      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        var result = emergencies.list(Caller.current(), town,
                new EmergencyService.Filter(category, level, status, late, overdue, from, to), page, size);
        return new PageResponse(result.getContent(), page, size, result.getTotalElements());
    }

    @GetMapping("/{id}")
    EmergencyView get(@PathVariable UUID id) {
        return emergencies.get(Caller.current(), id);
    }

    /** 口头/电话报告 upward. */
    @PostMapping("/{id}/phone-report")
    EmergencyView phoneReport(@PathVariable UUID id, @Valid @RequestBody UpwardRequest r) {
        return emergencies.reportByPhone(Caller.current(), id, r.reportedAt(), r.reportedTo());
    }

    /** 书面报告 upward. */
    @PostMapping("/{id}/written-report")
    EmergencyView writtenReport(@PathVariable UUID id, @Valid @RequestBody UpwardRequest r) {
        return emergencies.reportInWriting(Caller.current(), id, r.reportedAt(), r.reportedTo());
    }

    /** 续报, with the casualties and loss as now known. */
    @PostMapping("/{id}/follow-ups")
    EmergencyView followUp(@PathVariable UUID id, @Valid @RequestBody FollowUpRequest r) {
        return emergencies.followUp(Caller.current(), id, r.reportedAt(), r.content().strip(),
                new EmergencyReport.Update(r.deaths(), r.injuries(), r.missing(), r.economicLossYuan()));
    }

    /** 终报; announced as {@code document.EmergencyReportClosed}. */
    @PostMapping("/{id}/closure")
    EmergencyView close(@PathVariable UUID id, @Valid @RequestBody CloseRequest r) {
        return emergencies.close(Caller.current(), id, r.reportedAt(), r.summary().strip(),
                new EmergencyReport.Update(r.deaths(), r.injuries(), r.missing(), r.economicLossYuan()));
    }

    /** The year's figures (default this year), the sums of the annual summary's monthly lines. */
    @GetMapping("/stats")
    EmergencyFigures.EmergencyStats stats(@RequestParam(required = false) String town,
                                          @RequestParam(required = false) Integer year) {
        return figures.stats(Caller.current(), town, year != null ? year
                : LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE)).getYear());
    }

    /** Historical import, CSV with a header row (columns: see {@link EmergencyImport}). */
    @PostMapping(path = "/imports", consumes = "text/csv")
    @ResponseStatus(HttpStatus.CREATED)
    ImportResult importCsv(@RequestParam(required = false) String town, @RequestBody String body) {
        return emergencies.importHistory(Caller.current(), town, ImportFile.csv(body, DocumentImports.MAX_ROWS));
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }

    record ReceiveRequest(@Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
                          @NotNull EmergencyCategory category, Boolean realEstateProject, EmergencyLevel level,
                          @NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 200) String place,
                          @Size(max = 5000) String description, @NotNull Instant occurredAt,
                          @NotNull Instant receivedAt, @PositiveOrZero @Max(100_000) Integer deaths,
                          @PositiveOrZero @Max(100_000) Integer injuries, @PositiveOrZero @Max(100_000) Integer missing,
                          @PositiveOrZero @Digits(integer = 14, fraction = 2) BigDecimal economicLossYuan) {
    }

    /** {@code reportedAt} absent: now. */
    record UpwardRequest(Instant reportedAt, @Size(max = 200) String reportedTo) {
    }

    record FollowUpRequest(Instant reportedAt, @NotBlank @Size(max = 5000) String content,
                           @PositiveOrZero @Max(100_000) Integer deaths, @PositiveOrZero @Max(100_000) Integer injuries,
                           @PositiveOrZero @Max(100_000) Integer missing,
                           @PositiveOrZero @Digits(integer = 14, fraction = 2) BigDecimal economicLossYuan) {
    }

    record CloseRequest(Instant reportedAt, @NotBlank @Size(max = 5000) String summary,
                        @PositiveOrZero @Max(100_000) Integer deaths, @PositiveOrZero @Max(100_000) Integer injuries,
                        @PositiveOrZero @Max(100_000) Integer missing,
                        @PositiveOrZero @Digits(integer = 14, fraction = 2) BigDecimal economicLossYuan) {
    }

    record PageResponse(List<EmergencyView> items, int page, int size, long total) {
    }
}
