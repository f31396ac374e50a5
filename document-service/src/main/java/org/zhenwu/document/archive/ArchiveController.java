package org.zhenwu.document.archive;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

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

/** 档案 over HTTP: filing, the yearly arrangement, loans, destruction and its register, figures, import. */
@RestController
@RequestMapping("/api/documents/archives")
@Validated
class ArchiveController {
    private final ArchiveService archive;
    private final ArchiveCustodyService custody;
    private final ArchiveFigures figures;

    ArchiveController(ArchiveService archive, ArchiveCustodyService custody, ArchiveFigures figures) {
        this.archive = archive;
        this.custody = custody;
        this.figures = figures;
    }

    /** Files one finished document. */
    @PostMapping("/documents")
    @ResponseStatus(HttpStatus.CREATED)
    ArchiveView archiveDocument(@Valid @RequestBody DocumentRequest r) {
        return archive.archiveDocument(Caller.current(), r.documentId(), r.category(), r.retention());
    }

    /** Files a dossier (卷). */
    @PostMapping("/dossiers")
    @ResponseStatus(HttpStatus.CREATED)
    ArchiveView archiveDossier(@Valid @RequestBody DossierRequest r) {
        return archive.archiveDossier(Caller.current(), r.town(), r.title().strip(), r.year(), r.category(),
                r.retention(), r.entries().stream().map(String::strip).toList());
    }

    /** "Archive last year's documents": idempotent, one transaction. */
    @PostMapping("/batches")
    ArchiveService.BatchResult arrange(@Valid @RequestBody BatchRequest r) {
        return archive.arrangeYear(Caller.current(), r.town(), r.year(), r.retention());
    }

    @GetMapping
    PageResponse list(@RequestParam(required = false) String town, @RequestParam(required = false) Integer year,
                      @RequestParam(required = false) ArchiveCategory category,
                      @RequestParam(required = false) Retention retention,
                      @RequestParam(required = false) ArchiveItemStatus status,
                      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        var result = archive.list(Caller.current(), town, year, category, retention, status, page, size);
        return new PageResponse(result.getContent(), page, size, result.getTotalElements());
    }

    @GetMapping("/{id}")
    ArchiveView get(@PathVariable UUID id) {
        return archive.get(Caller.current(), id);
    }

    // ---- loans ---------------------------------------------------------------------------------------------

    @PostMapping("/{id}/loans")
    @ResponseStatus(HttpStatus.CREATED)
    LoanView requestLoan(@PathVariable UUID id, @Valid @RequestBody LoanRequest r) {
        return custody.requestLoan(Caller.current(), id, r.borrower().strip(), r.purpose().strip(), r.dueDate());
    }

    /** Loans; {@code overdue=true}: only those out past their due date. */
    @GetMapping("/loans")
    List<LoanView> loans(@RequestParam(required = false) String town, @RequestParam(required = false) LoanStatus status,
                         @RequestParam(required = false) Boolean overdue) {
        return custody.loans(Caller.current(), town, status, overdue);
    }

    @PostMapping("/loans/{loanId}/approval")
    LoanView approveLoan(@PathVariable UUID loanId) {
        return custody.approveLoan(Caller.current(), loanId);
    }

    @PostMapping("/loans/{loanId}/refusal")
    LoanView refuseLoan(@PathVariable UUID loanId, @Valid @RequestBody ReasonRequest r) {
        return custody.refuseLoan(Caller.current(), loanId, r.reason().strip());
    }

    @PostMapping("/loans/{loanId}/lending")
    LoanView lend(@PathVariable UUID loanId) {
        return custody.lend(Caller.current(), loanId);
    }

    @PostMapping("/loans/{loanId}/return")
    LoanView giveBack(@PathVariable UUID loanId) {
        return custody.giveBack(Caller.current(), loanId);
    }

    // ---- destruction ---------------------------------------------------------------------------------------

    @PostMapping("/destructions")
    @ResponseStatus(HttpStatus.CREATED)
    DestructionView requestDestruction(@Valid @RequestBody DestructionRequest r) {
        return custody.requestDestruction(Caller.current(), r.town(), r.itemIds(), r.reason().strip());
    }

    /** Requests by status (default REQUESTED). */
    @GetMapping("/destructions")
    List<DestructionView> destructions(@RequestParam(required = false) String town,
                                       @RequestParam(defaultValue = "REQUESTED") DestructionStatus status) {
        return custody.destructions(Caller.current(), town, status);
    }

    /** The destruction register (销毁清册): who asked, who approved, who destroyed, when, which items. */
    @GetMapping("/destructions/register")
    List<DestructionView> register(@RequestParam(required = false) String town) {
        return custody.destructions(Caller.current(), town, DestructionStatus.DESTROYED);
    }

    @PostMapping("/destructions/{id}/decision")
    DestructionView decide(@PathVariable UUID id, @Valid @RequestBody DecisionRequest r) {
        return custody.decideDestruction(Caller.current(), id, r.approve(), r.note());
    }

    @PostMapping("/destructions/{id}/execution")
    DestructionView destroy(@PathVariable UUID id, @Valid @RequestBody ExecutionRequest r) {
        return custody.destroy(Caller.current(), id, r.method().strip());
    }

    // ---- figures and import --------------------------------------------------------------------------------

    @GetMapping("/stats")
    ArchiveFigures.ArchiveStats stats(@RequestParam(required = false) String town,
                                      @RequestParam @Min(1949) @Max(2199) int year) {
        return figures.stats(Caller.current(), town, year);
    }

    @PostMapping(path = "/imports", consumes = "text/csv")
    @ResponseStatus(HttpStatus.CREATED)
    ImportResult importCsv(@RequestParam(required = false) String town, @RequestBody String body) {
        return archive.importHistory(Caller.current(), town, ImportFile.csv(body, DocumentImports.MAX_ROWS));
    }

    record DocumentRequest(@NotNull UUID documentId, ArchiveCategory category, Retention retention) {
    }

    record DossierRequest(@Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
                          @NotBlank @Size(max = 300) String title, @NotNull @Min(1949) @Max(2199) Integer year,
                          @NotNull ArchiveCategory category, @NotNull Retention retention,
                          @NotEmpty @Size(max = 1000) List<@NotBlank @Size(max = 300) String> entries) {
    }

    record BatchRequest(@Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
                        @NotNull @Min(1949) @Max(2199) Integer year, Retention retention) {
    }

    record LoanRequest(@NotBlank @Size(max = 100) String borrower, @NotBlank @Size(max = 1000) String purpose,
                       @NotNull LocalDate dueDate) {
    }

    record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    record DestructionRequest(@Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
                              @NotEmpty @Size(max = 5000) List<@NotNull UUID> itemIds,
                              @NotBlank @Size(max = 2000) String reason) {
    }

    record DecisionRequest(@NotNull Boolean approve, @Size(max = 2000) String note) {
    }

    record ExecutionRequest(@NotBlank @Size(max = 200) String method) {
    }

    record PageResponse(List<ArchiveView> items, int page, int size, long total) {
    }
}
