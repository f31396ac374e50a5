package org.zhenwu.document.disclosure;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zhenwu.document.importing.DocumentImports;
import org.zhenwu.document.importing.ImportResult;
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

/** 政务公开 for the office: drafts, 保密审查, publication, withdrawal, figures, historical import. */
@RestController
@RequestMapping("/api/documents/disclosure")
@Validated
class DisclosureController {
    private final DisclosureService disclosure;
    private final DisclosureFigures figures;

    DisclosureController(DisclosureService disclosure, DisclosureFigures figures) {
        this.disclosure = disclosure;
        this.figures = figures;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    DisclosureView create(@Valid @RequestBody DraftRequest r) {
        return disclosure.create(Caller.current(), r.town(), r.draft());
    }

    @PutMapping("/{id}")
    DisclosureView revise(@PathVariable UUID id, @Valid @RequestBody DraftRequest r) {
        return disclosure.revise(Caller.current(), id, r.draft());
    }

    @GetMapping
    PageResponse list(@RequestParam(required = false) String town,
                      @RequestParam(required = false) DisclosureStatus status,
                      @RequestParam(required = false) DisclosureCategory category,
                      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        var result = disclosure.list(Caller.current(), town, status, category, page, size);
        return new PageResponse(result.getContent(), page, size, result.getTotalElements());
    }

    @GetMapping("/{id}")
    DisclosureView get(@PathVariable UUID id) {
        return disclosure.get(Caller.current(), id);
    }

    /** 送审. */
    @PostMapping("/{id}/submission")
    DisclosureView submit(@PathVariable UUID id) {
        return disclosure.submit(Caller.current(), id);
    }

    /** 保密审查 passed. */
    @PostMapping("/{id}/approval")
    DisclosureView approve(@PathVariable UUID id, @Valid @RequestBody(required = false) OpinionRequest r) {
        return disclosure.approve(Caller.current(), id, r == null ? null : r.opinion());
    }

    /** 退回修改. */
    @PostMapping("/{id}/return")
    DisclosureView returnToAuthor(@PathVariable UUID id, @Valid @RequestBody ReasonRequest r) {
        return disclosure.returnToAuthor(Caller.current(), id, r.reason().strip());
    }

    @PostMapping("/{id}/publication")
    DisclosureView publish(@PathVariable UUID id) {
        return disclosure.publish(Caller.current(), id);
    }

    @PostMapping("/{id}/withdrawal")
    DisclosureView withdraw(@PathVariable UUID id, @Valid @RequestBody ReasonRequest r) {
        return disclosure.withdraw(Caller.current(), id, r.reason().strip());
    }

    /** The year's totals per figure key, by category and by channel: the same numbers as the annual summary's. */
    @GetMapping("/stats")
    DisclosureFigures.DisclosureStats stats(@RequestParam(required = false) String town,
                                            @RequestParam @Min(1990) @Max(2199) int year) {
        return figures.stats(Caller.current(), town, year);
    }

    @PostMapping(path = "/imports", consumes = "text/csv")
    @ResponseStatus(HttpStatus.CREATED)
    ImportResult importCsv(@RequestParam(required = false) String town, @RequestBody String body) {
        return disclosure.importHistory(Caller.current(), town, ImportFile.csv(body, DocumentImports.MAX_ROWS));
    }

    record DraftRequest(@Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
                        @NotBlank @Size(max = 300) String title, @Size(max = 100_000) String body,
                        @NotNull DisclosureCategory category,
                        @NotEmpty @Size(max = 5) Set<@NotNull DisclosureChannel> channels,
                        UUID sourceDocumentId, @Size(max = 2000) String internalNote) {
        DisclosureService.Draft draft() {
            return new DisclosureService.Draft(title.strip(), body, category, channels, sourceDocumentId, internalNote);
        }
    }

    record OpinionRequest(@Size(max = 2000) String opinion) {
    }

    record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    record PageResponse(List<DisclosureView> items, int page, int size, long total) {
    }
}
