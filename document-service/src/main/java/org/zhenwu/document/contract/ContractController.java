package org.zhenwu.document.contract;

import java.io.InputStream;
import java.math.BigDecimal;
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
import org.springframework.web.bind.annotation.PutMapping;
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
import org.zhenwu.platform.importing.ImportFile;
import org.zhenwu.platform.security.Caller;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** 合同管理 over HTTP. */
@RestController
@RequestMapping("/api/documents/contracts")
@Validated
class ContractController {
    private final ContractService contracts;

    ContractController(ContractService contracts) {
        this.contracts = contracts;
    }

    /** 登记: a draft with the next register number. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ContractView register(@Valid @RequestBody TermsRequest r) {
        return contracts.register(Caller.current(), r.town(), r.terms());
    }

    @GetMapping
    PageResponse list(@RequestParam(required = false) String town,
                      @RequestParam(required = false) ContractStatus status,
                      @RequestParam(required = false) ContractType type,
                      @RequestParam(required = false) ContractRisk risk,
                      @RequestParam(required = false) @Size(max = 100) String signingUnit,
                      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        var result = contracts.list(Caller.current(), town, status, type, risk, signingUnit, page, size);
        return new PageResponse(result.getContent(), page, size, result.getTotalElements());
    }

    @GetMapping("/{id}")
    ContractView get(@PathVariable UUID id) {
        return contracts.get(Caller.current(), id);
    }

    /** Revising a draft (after a rejected review, say). */
    @PutMapping("/{id}")
    ContractView revise(@PathVariable UUID id, @Valid @RequestBody TermsRequest r) {
        return contracts.revise(Caller.current(), id, r.terms());
    }

    /** 提请法制审核. */
    @PostMapping("/{id}/review-request")
    ContractView requestReview(@PathVariable UUID id, @Valid @RequestBody(required = false) NoteRequest r) {
        return contracts.requestReview(Caller.current(), id, r == null ? null : r.note());
    }

    /** 法制审核意见, by a legal reviewer who did not draft it; announced as {@code document.ContractReviewed}. */
    @PostMapping("/{id}/review")
    ContractView review(@PathVariable UUID id, @Valid @RequestBody ReviewRequest r) {
        return contracts.concludeReview(Caller.current(), id, r.outcome(), r.opinion().strip());
    }

    /** 签订; announced as {@code document.ContractSigned}. */
    @PostMapping("/{id}/signing")
    ContractView sign(@PathVariable UUID id, @Valid @RequestBody(required = false) DateRequest r) {
        return contracts.sign(Caller.current(), id, r == null ? null : r.date());
    }

    /** 开始履行. */
    @PostMapping("/{id}/performance")
    ContractView startPerformance(@PathVariable UUID id) {
        return contracts.startPerformance(Caller.current(), id);
    }

    /** A 履约节点. */
    @PostMapping("/{id}/milestones")
    @ResponseStatus(HttpStatus.CREATED)
    ContractView addMilestone(@PathVariable UUID id, @Valid @RequestBody MilestoneRequest r) {
        return contracts.addMilestone(Caller.current(), id, r.dueDate(), r.description().strip(), r.amount());
    }

    @PostMapping("/{id}/milestones/{milestoneId}/completion")
    ContractView completeMilestone(@PathVariable UUID id, @PathVariable UUID milestoneId,
                                   @Valid @RequestBody(required = false) MilestoneDoneRequest r) {
        return contracts.completeMilestone(Caller.current(), id, milestoneId, r == null ? null : r.doneOn(),
                r == null ? null : r.note());
    }

    /** 履行完毕; announced as {@code document.ContractClosed}. */
    @PostMapping("/{id}/completion")
    ContractView complete(@PathVariable UUID id, @Valid @RequestBody(required = false) DateRequest r) {
        return contracts.complete(Caller.current(), id, r == null ? null : r.date());
    }

    /** 解除/终止 with the reason; announced as {@code document.ContractClosed}. */
    @PostMapping("/{id}/termination")
    ContractView terminate(@PathVariable UUID id, @Valid @RequestBody TerminationRequest r) {
        return contracts.terminate(Caller.current(), id, r.reason().strip(), r.date());
    }

    /** The signed scan (or another file), as the raw body. */
    @PostMapping("/{id}/files")
    @ResponseStatus(HttpStatus.CREATED)
    AttachmentView attach(@PathVariable UUID id, @RequestParam String fileName,
                          @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
                          InputStream body) {
        return contracts.attach(Caller.current(), id, fileName, contentType, body);
    }

    @GetMapping("/{id}/files/{attachmentId}")
    ResponseEntity<InputStreamResource> file(@PathVariable UUID id, @PathVariable UUID attachmentId) {
        var f = contracts.openFile(Caller.current(), id, attachmentId);
        return AttachmentResponses.of(f.attachment(), SecrecyLevel.NONE, f.content());
    }

    /** The old contract register as CSV with a header row (columns: see {@code ContractImport}). */
    @PostMapping(path = "/imports", consumes = "text/csv")
    @ResponseStatus(HttpStatus.CREATED)
    ImportResult importCsv(@RequestParam(required = false) String town, @RequestBody String body) {
        return contracts.importHistory(Caller.current(), town, ImportFile.csv(body, DocumentImports.MAX_ROWS));
    }

    record TermsRequest(@Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
                        @NotBlank @Size(max = 300) String title, @NotNull ContractType type,
                        @NotBlank @Size(max = 200) String counterpartyName,
                        @Size(min = 18, max = 18) String counterpartyCreditCode,
                        @NotNull @DecimalMin("0.00") @DecimalMax("99999999999999.99")
                        @Digits(integer = 14, fraction = 2)
                        BigDecimal amount,
                        @NotNull LocalDate termStart, @NotNull LocalDate termEnd,
                        @NotBlank @Size(max = 100) String signingUnit) {
        Contract.Terms terms() {
            return new Contract.Terms(title, type, counterpartyName, counterpartyCreditCode, amount, termStart, termEnd,
                    signingUnit);
        }
    }

    record ReviewRequest(@NotNull ReviewOutcome outcome, @NotBlank @Size(max = 5000) String opinion) {
    }

    record MilestoneRequest(@NotNull LocalDate dueDate, @NotBlank @Size(max = 500) String description,
                            @DecimalMin("0.00") @Digits(integer = 14, fraction = 2) BigDecimal amount) {
    }

    record MilestoneDoneRequest(LocalDate doneOn, @Size(max = 2000) String note) {
    }

    record DateRequest(LocalDate date) {
    }

    record TerminationRequest(@NotBlank @Size(max = 2000) String reason, LocalDate date) {
    }

    record NoteRequest(@Size(max = 2000) String note) {
    }

    record PageResponse(List<ContractView> items, int page, int size, long total) {
    }
}
