package org.zhenwu.document.research;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zhenwu.document.attachment.AttachmentResponses;
import org.zhenwu.document.attachment.AttachmentView;
import org.zhenwu.document.element.SecrecyLevel;
import org.zhenwu.document.importing.DocumentImports;
import org.zhenwu.document.importing.ImportResult;
import org.zhenwu.document.meeting.MeetingFigures;
import org.zhenwu.document.supervision.SupervisionService;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.importing.ImportFile;
import org.zhenwu.platform.security.Caller;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** 调研 over HTTP. The year's figures are shared with meetings ({@link MeetingFigures}). */
@RestController
@RequestMapping("/api/documents/research")
@Validated
class ResearchController {
    private final ResearchService research;
    private final MeetingFigures figures;
    private final Clock clock;

    ResearchController(ResearchService research, MeetingFigures figures, Clock clock) {
        this.research = research;
        this.figures = figures;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResearchView plan(@Valid @RequestBody PlanRequest r) {
        return research.plan(Caller.current(), r.town(), new ResearchVisit.Plan(r.topic().strip(),
                r.leaders().stream().map(String::strip).toList(), r.places().stream().map(String::strip).toList(),
                r.method(), r.startDate(), r.endDate() == null ? r.startDate() : r.endDate()));
    }

    @GetMapping
    PageResponse list(@RequestParam(required = false) String town,
                      @RequestParam(defaultValue = "0") @Min(0) int page,
                      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        var result = research.list(Caller.current(), town, page, size);
        return new PageResponse(result.getContent(), page, size, result.getTotalElements());
    }

    @GetMapping("/{id}")
    ResearchView get(@PathVariable UUID id) {
        return research.get(Caller.current(), id);
    }

    /** 开展调研: what was found. */
    @PostMapping("/{id}/findings")
    ResearchView conduct(@PathVariable UUID id, @Valid @RequestBody FindingsRequest r) {
        return research.conduct(Caller.current(), id, r.findings().strip());
    }

    /** 调研报告, and the tasks (督办) it turns into. */
    @PostMapping("/{id}/report")
    ResearchView report(@PathVariable UUID id, @Valid @RequestBody ReportRequest r) {
        return research.report(Caller.current(), id, r.report().strip(), r.tasks() == null ? List.of()
                : r.tasks().stream().map(t -> new SupervisionService.NewTask(t.title().strip(), t.requirement(),
                        t.ownerDepartment().strip(), t.coDepartments(), t.deadline(), t.deadlineWorkingDays()))
                .toList());
    }

    /** The report's file, as the raw body. */
    @PostMapping("/{id}/report-files")
    @ResponseStatus(HttpStatus.CREATED)
    AttachmentView attach(@PathVariable UUID id, @RequestParam String fileName,
                          @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
                          InputStream body) {
        return research.attachReport(Caller.current(), id, fileName, contentType, body);
    }

    @GetMapping("/{id}/report-files/{attachmentId}")
    ResponseEntity<InputStreamResource> reportFile(@PathVariable UUID id, @PathVariable UUID attachmentId) {
        var file = research.openReport(Caller.current(), id, attachmentId);
        return AttachmentResponses.of(file.attachment(), SecrecyLevel.NONE, file.content());
    }

    @PostMapping("/{id}/cancellation")
    ResearchView cancel(@PathVariable UUID id, @Valid @RequestBody ReasonRequest r) {
        return research.cancel(Caller.current(), id, r.reason().strip());
    }

    @PostMapping(path = "/imports", consumes = "text/csv")
    @ResponseStatus(HttpStatus.CREATED)
    ImportResult importCsv(@RequestParam(required = false) String town, @RequestBody String body) {
        return research.importHistory(Caller.current(), town, ImportFile.csv(body, DocumentImports.MAX_ROWS));
    }

    /** The same figures as {@code /api/documents/meetings/stats}: meetings and research visits together. */
    @GetMapping("/stats")
    MeetingFigures.YearStats stats(@RequestParam(required = false) String town,
                                   @RequestParam(required = false) @Min(1900) @Max(2199) Integer year) {
        return figures.stats(Caller.current(), town,
                year != null ? year : LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE)).getYear());
    }

    record PlanRequest(@Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
                       @NotBlank @Size(max = 300) String topic,
                       @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 50) @Pattern(regexp = "[^、]+",
                               message = "is one name") String> leaders,
                       @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 100) @Pattern(regexp = "[^、]+",
                               message = "is one place") String> places,
                       @NotNull ResearchMethod method, @NotNull LocalDate startDate, LocalDate endDate) {
    }

    record FindingsRequest(@NotBlank @Size(max = 20_000) String findings) {
    }

    record TaskRequest(@NotBlank @Size(max = 300) String title, @Size(max = 2000) String requirement,
                       @NotBlank @Size(max = 100) String ownerDepartment,
                       @Size(max = 20) List<@NotBlank @Size(max = 100) String> coDepartments, LocalDate deadline,
                       @Min(0) @Max(250) Integer deadlineWorkingDays) {
    }

    record ReportRequest(@NotBlank @Size(max = 100_000) String report,
                         @Size(max = 50) List<@Valid @NotNull TaskRequest> tasks) {
    }

    record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    record PageResponse(List<ResearchView.Summary> items, int page, int size, long total) {
    }
}
