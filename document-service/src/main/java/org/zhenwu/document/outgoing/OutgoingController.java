package org.zhenwu.document.outgoing;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
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
import org.zhenwu.document.access.DocumentAccess;
import org.zhenwu.document.access.ReadContext;
import org.zhenwu.document.attachment.AttachmentView;
import org.zhenwu.document.element.DocumentKind;
import org.zhenwu.document.element.ElementsRequest;
import org.zhenwu.document.importing.DocumentImports;
import org.zhenwu.document.importing.ImportResult;
import org.zhenwu.platform.importing.ImportFile;
import org.zhenwu.platform.security.Caller;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.json.JsonMapper;

/** 发文 over HTTP. Each step is a sub-resource of the document. */
@RestController
@RequestMapping("/api/documents/outgoing")
@Validated
class OutgoingController {
    private final OutgoingDocumentService documents;
    private final JsonMapper json;

    OutgoingController(OutgoingDocumentService documents, JsonMapper json) {
        this.documents = documents;
        this.json = json;
    }

    /** 起草. District users name the town. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    OutgoingView draft(@Valid @RequestBody DraftRequest request) {
        return documents.draft(Caller.current(), request.town(), request.kind(), request.elements(),
                request.coSigningDepartments());
    }

    @PutMapping("/{id}/elements")
    OutgoingView revise(@PathVariable UUID id, @Valid @RequestBody ReviseRequest request) {
        return documents.revise(Caller.current(), id, request.elements(), request.coSigningDepartments());
    }

    /** 送核稿. */
    @PostMapping("/{id}/submission")
    OutgoingView submit(@PathVariable UUID id, @Valid @RequestBody(required = false) SubmitRequest request) {
        return documents.submit(Caller.current(), id, request == null ? null : request.checker());
    }

    /** 核稿 passed. */
    @PostMapping("/{id}/check")
    OutgoingView check(@PathVariable UUID id, @Valid @RequestBody CheckRequest request) {
        return documents.passCheck(Caller.current(), id, request.signer(), request.opinion());
    }

    /** 会签 by the caller's department. */
    @PostMapping("/{id}/countersignature")
    OutgoingView countersign(@PathVariable UUID id, @Valid @RequestBody CountersignRequest request) {
        return documents.countersign(Caller.current(), id, request.agree(), request.opinion());
    }

    /** 签发. */
    @PostMapping("/{id}/signature")
    OutgoingView sign(@PathVariable UUID id, @Valid @RequestBody(required = false) OpinionRequest request) {
        return documents.sign(Caller.current(), id, request == null ? null : request.opinion());
    }

    /** 复核. */
    @PostMapping("/{id}/review")
    OutgoingView review(@PathVariable UUID id, @Valid @RequestBody(required = false) OpinionRequest request) {
        return documents.review(Caller.current(), id, request == null ? null : request.opinion());
    }

    /** 登记: the 发文字号 is assigned. */
    @PostMapping("/{id}/registration")
    OutgoingView register(@PathVariable UUID id) {
        return documents.register(Caller.current(), id);
    }

    /** 印制. */
    @PostMapping("/{id}/printing")
    OutgoingView print(@PathVariable UUID id, @Valid @RequestBody PrintRequest request) {
        return documents.print(Caller.current(), id, request.copies(), request.printingOrgan(), request.printingDate());
    }

    /** 核发. */
    @PostMapping("/{id}/distribution")
    OutgoingView distribute(@PathVariable UUID id, @Valid @RequestBody DistributeRequest request) {
        return documents.distribute(Caller.current(), id, request.recipients().stream()
                .map(r -> new OutgoingDocument.Recipient(r.name().strip(), r.copies())).toList());
    }

    /** 归档. */
    @PostMapping("/{id}/archiving")
    OutgoingView archive(@PathVariable UUID id) {
        return documents.archive(Caller.current(), id);
    }

    /** 退回 to the previous step ({@code PREVIOUS}) or to the drafter ({@code DRAFTER}). */
    @PostMapping("/{id}/return")
    OutgoingView returnDocument(@PathVariable UUID id, @Valid @RequestBody ReturnRequest request) {
        return documents.returnDocument(Caller.current(), id, "DRAFTER".equals(request.to()), request.reason().strip());
    }

    /** 撤回 by the drafter. */
    @PostMapping("/{id}/withdrawal")
    OutgoingView withdraw(@PathVariable UUID id, @Valid @RequestBody(required = false) ReasonRequest request) {
        return documents.withdraw(Caller.current(), id, request == null ? null : request.reason());
    }

    /** 作废. */
    @PostMapping("/{id}/voiding")
    OutgoingView voidDocument(@PathVariable UUID id, @Valid @RequestBody VoidRequest request) {
        return documents.voidDocument(Caller.current(), id, request.reason().strip());
    }

    /** 委托/转办 of the current step (核稿 or 签发). */
    @PostMapping("/{id}/delegation")
    OutgoingView delegate(@PathVariable UUID id, @Valid @RequestBody DelegateRequest request) {
        return documents.delegate(Caller.current(), id, request.to(), request.note());
    }

    @GetMapping("/{id}")
    OutgoingView get(@PathVariable UUID id, HttpServletRequest http) {
        return documents.get(Caller.current(), id, ReadContext.of(http));
    }

    @GetMapping
    PageResponse list(@RequestParam(required = false) String town, @RequestParam(required = false) OutgoingStatus status,
                      @RequestParam(required = false) DocumentKind kind,
                      @RequestParam(defaultValue = "0") @Min(0) int page,
                      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        var result = documents.list(Caller.current(), town, status, kind, page, size);
        long total = Math.min(result.getTotalElements(), DocumentAccess.COUNT_CAP);
        return new PageResponse(result.getContent(), page, size, total, result.getTotalElements() <= DocumentAccess.COUNT_CAP);
    }

    /** 发文登记簿 of one 机关代字 and year, in number order. */
    @GetMapping("/register")
    List<OutgoingView.RegisterLine> register(@RequestParam(required = false) String town,
                                             @RequestParam @NotBlank @Size(max = 40) String issuerCode,
                                             @RequestParam @Min(1900) @Max(9999) int year) {
        return documents.registerBook(Caller.current(), town, issuerCode.strip(), year);
    }

    /** Historical import: JSON lines ({@code application/x-ndjson}) or CSV with a header row ({@code text/csv}). */
    @PostMapping(path = "/imports", consumes = "application/x-ndjson")
    @ResponseStatus(HttpStatus.CREATED)
    ImportResult importJsonLines(@RequestParam(required = false) String town, @RequestBody String body) {
        return documents.importHistory(Caller.current(), town, ImportFile.jsonLines(body, json, DocumentImports.MAX_ROWS));
    }

    @PostMapping(path = "/imports", consumes = "text/csv")
    @ResponseStatus(HttpStatus.CREATED)
    ImportResult importCsv(@RequestParam(required = false) String town, @RequestBody String body) {
        return documents.importHistory(Caller.current(), town, ImportFile.csv(body, DocumentImports.MAX_ROWS));
    }

    /** Uploads one attachment as the raw request body; {@code fileName} names it. */
    @PostMapping("/{id}/attachments")
    @ResponseStatus(HttpStatus.CREATED)
    AttachmentView attach(@PathVariable UUID id, @RequestParam String fileName,
                          @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
                          InputStream body) {
        return documents.attach(Caller.current(), id, fileName, contentType, body);
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    ResponseEntity<InputStreamResource> attachment(@PathVariable UUID id, @PathVariable UUID attachmentId,
                                                   HttpServletRequest http) {
        var content = documents.openAttachment(Caller.current(), id, attachmentId, ReadContext.of(http));
        return org.zhenwu.document.attachment.AttachmentResponses.of(content.attachment(), content.secrecyLevel(), content.content());
    }

    @DeleteMapping("/{id}/attachments/{attachmentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeAttachment(@PathVariable UUID id, @PathVariable UUID attachmentId) {
        documents.removeAttachment(Caller.current(), id, attachmentId);
    }

    record DraftRequest(@Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
                        DocumentKind kind, @NotNull @Valid ElementsRequest elements,
                        @Size(max = 30) List<@NotBlank @Size(max = 100) String> coSigningDepartments) {
    }

    record ReviseRequest(@NotNull @Valid ElementsRequest elements,
                         @Size(max = 30) List<@NotBlank @Size(max = 100) String> coSigningDepartments) {
    }

    record SubmitRequest(@Size(max = 100) String checker) {
    }

    record CheckRequest(@NotBlank @Size(max = 100) String signer, @Size(max = 2000) String opinion) {
    }

    record CountersignRequest(@NotNull Boolean agree, @Size(max = 2000) String opinion) {
    }

    record OpinionRequest(@Size(max = 2000) String opinion) {
    }

    record PrintRequest(@NotNull @Min(1) @Max(100_000) Integer copies, @Size(max = 200) String printingOrgan,
                        LocalDate printingDate) {
    }

    record DistributeRequest(@NotEmpty @Size(max = 500) List<@Valid RecipientLine> recipients) {
    }

    record RecipientLine(@NotBlank @Size(max = 200) String name, @Min(1) @Max(10_000) int copies) {
    }

    record ReturnRequest(@NotNull @Pattern(regexp = "PREVIOUS|DRAFTER", message = "is PREVIOUS or DRAFTER") String to,
                         @NotBlank @Size(max = 2000) String reason) {
    }

    record ReasonRequest(@Size(max = 2000) String reason) {
    }

    record VoidRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    record DelegateRequest(@NotBlank @Size(max = 100) String to, @Size(max = 2000) String note) {
    }

    /** {@code totalExact} is false when more than {@link DocumentAccess#COUNT_CAP} documents match. */
    record PageResponse(List<OutgoingView.Summary> items, int page, int size, long total, boolean totalExact) {
    }
}
