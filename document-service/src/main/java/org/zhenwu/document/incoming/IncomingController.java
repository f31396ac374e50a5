package org.zhenwu.document.incoming;

import java.io.InputStream;
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
import org.zhenwu.document.access.DocumentAccess;
import org.zhenwu.document.access.ReadContext;
import org.zhenwu.document.attachment.AttachmentResponses;
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

/** 收文 over HTTP. Each step is a sub-resource of the document. */
@RestController
@RequestMapping("/api/documents/incoming")
@Validated
class IncomingController {
    private final IncomingDocumentService documents;
    private final JsonMapper json;

    IncomingController(IncomingDocumentService documents, JsonMapper json) {
        this.documents = documents;
        this.json = json;
    }

    /** 签收. District users name the town. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    IncomingView receive(@Valid @RequestBody ReceiveRequest r) {
        return documents.receive(Caller.current(), r.town(), new IncomingDocumentService.ArrivalRequest(r.kind(),
                r.channel(), r.sender().strip(), r.originalNumber(), r.copies(), r.deadline()), r.elements());
    }

    @PutMapping("/{id}/elements")
    IncomingView correct(@PathVariable UUID id, @Valid @RequestBody CorrectRequest request) {
        return documents.correct(Caller.current(), id, request.elements());
    }

    /** 登记. */
    @PostMapping("/{id}/registration")
    IncomingView register(@PathVariable UUID id) {
        return documents.register(Caller.current(), id);
    }

    /** 初审 passed: READ (阅知, with readers) or ACTION (批办). */
    @PostMapping("/{id}/screening")
    IncomingView screen(@PathVariable UUID id, @Valid @RequestBody ScreenRequest request) {
        return documents.screen(Caller.current(), id, request.mode(), request.readers());
    }

    /** 初审: returned to the sender. */
    @PostMapping("/{id}/return")
    IncomingView returnToSender(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        return documents.returnToSender(Caller.current(), id, request.reason().strip());
    }

    /** 拟办. */
    @PostMapping("/{id}/proposal")
    IncomingView propose(@PathVariable UUID id, @Valid @RequestBody ProposalRequest request) {
        return documents.propose(Caller.current(), id, request.proposal().strip(), request.leader().strip());
    }

    /** 批示. */
    @PostMapping("/{id}/instruction")
    IncomingView instruct(@PathVariable UUID id, @Valid @RequestBody InstructionRequest r) {
        return documents.instruct(Caller.current(), id, new IncomingDocumentService.Instruction(r.instruction().strip(),
                r.leadDepartment(), r.coDepartments(), r.deadline(), r.deadlineWorkingDays(), Boolean.TRUE.equals(r.supervise())));
    }

    /** The leader sends it back for another 拟办. */
    @PostMapping("/{id}/instruction-return")
    IncomingView sendBack(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        return documents.sendBackForProposal(Caller.current(), id, request.reason().strip());
    }

    /** 承办: the 主办 department takes it on. */
    @PostMapping("/{id}/acceptance")
    IncomingView accept(@PathVariable UUID id) {
        return documents.accept(Caller.current(), id);
    }

    /** The 主办 department returns it as not its remit. */
    @PostMapping("/{id}/decline")
    IncomingView decline(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        return documents.decline(Caller.current(), id, request.reason().strip());
    }

    /** 协办意见. */
    @PostMapping("/{id}/co-view")
    IncomingView coView(@PathVariable UUID id, @Valid @RequestBody ViewRequest request) {
        return documents.giveCoView(Caller.current(), id, request.view().strip());
    }

    /** 催办. */
    @PostMapping("/{id}/urging")
    IncomingView urge(@PathVariable UUID id, @Valid @RequestBody(required = false) NoteRequest request) {
        return documents.urge(Caller.current(), id, request == null ? null : request.note());
    }

    /** 办结/答复. */
    @PostMapping("/{id}/completion")
    IncomingView complete(@PathVariable UUID id, @Valid @RequestBody CompletionRequest request) {
        return documents.complete(Caller.current(), id, request.result().strip());
    }

    /** Adds people to the 传阅 list. */
    @PostMapping("/{id}/readers")
    IncomingView addReaders(@PathVariable UUID id, @Valid @RequestBody ReadersRequest request) {
        return documents.addReaders(Caller.current(), id, request.readers());
    }

    /** Passes a copy to the next reader, or back to {@code OFFICE}. */
    @PostMapping("/{id}/copies/{copyNo}/handover")
    IncomingView handOver(@PathVariable UUID id, @PathVariable @Min(1) int copyNo, @Valid @RequestBody HandoverRequest request) {
        return documents.handOver(Caller.current(), id, copyNo, request.to());
    }

    /** 阅: the caller read it. */
    @PostMapping("/{id}/reading")
    IncomingView read(@PathVariable UUID id, @Valid @RequestBody(required = false) CommentRequest request) {
        return documents.confirmRead(Caller.current(), id, request == null ? null : request.comment());
    }

    /** 阅知 done. */
    @PostMapping("/{id}/reading-completion")
    IncomingView finishReading(@PathVariable UUID id) {
        return documents.finishReading(Caller.current(), id);
    }

    /** A petition letter's result reported back (to the sender unless named). */
    @PostMapping("/{id}/result-report")
    IncomingView reportResult(@PathVariable UUID id, @Valid @RequestBody(required = false) ReportRequest request) {
        return documents.reportResult(Caller.current(), id, request == null ? null : request.to());
    }

    /** 归档. */
    @PostMapping("/{id}/archiving")
    IncomingView archive(@PathVariable UUID id) {
        return documents.archive(Caller.current(), id);
    }

    @GetMapping("/{id}")
    IncomingView get(@PathVariable UUID id, HttpServletRequest http) {
        return documents.get(Caller.current(), id, ReadContext.of(http));
    }

    /** The inbox. */
    @GetMapping
    PageResponse list(@RequestParam(required = false) String town, @RequestParam(required = false) IncomingStatus status,
                      @RequestParam(required = false) DocumentKind kind,
                      @RequestParam(defaultValue = "0") @Min(0) int page,
                      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        var result = documents.list(Caller.current(), town, status, kind, page, size);
        long total = Math.min(result.getTotalElements(), DocumentAccess.COUNT_CAP);
        return new PageResponse(result.getContent(), page, size, total, result.getTotalElements() <= DocumentAccess.COUNT_CAP);
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
        return AttachmentResponses.of(content.attachment(), content.secrecyLevel(), content.content());
    }

    record ReceiveRequest(@Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
                          DocumentKind kind, @NotNull IncomingChannel channel, @NotBlank @Size(max = 200) String sender,
                          @Size(max = 100) String originalNumber, @Min(1) @Max(1000) Integer copies, LocalDate deadline,
                          @NotNull @Valid ElementsRequest elements) {
    }

    record CorrectRequest(@NotNull @Valid ElementsRequest elements) {
    }

    record ScreenRequest(@NotNull HandlingMode mode, @Size(max = 100) List<@NotBlank @Size(max = 100) String> readers) {
    }

    record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    record ProposalRequest(@NotBlank @Size(max = 2000) String proposal, @NotBlank @Size(max = 100) String leader) {
    }

    record InstructionRequest(@NotBlank @Size(max = 2000) String instruction, @NotBlank @Size(max = 100) String leadDepartment,
                              @Size(max = 20) List<@NotBlank @Size(max = 100) String> coDepartments, LocalDate deadline,
                              @Min(0) @Max(250) Integer deadlineWorkingDays, Boolean supervise) {
    }

    record ViewRequest(@NotBlank @Size(max = 2000) String view) {
    }

    record NoteRequest(@Size(max = 2000) String note) {
    }

    record CompletionRequest(@NotBlank @Size(max = 5000) String result) {
    }

    record ReadersRequest(@NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 100) String> readers) {
    }

    record HandoverRequest(@NotBlank @Size(max = 100) String to) {
    }

    record CommentRequest(@Size(max = 2000) String comment) {
    }

    record ReportRequest(@Size(max = 200) String to) {
    }

    /** {@code totalExact} is false when more than {@link DocumentAccess#COUNT_CAP} documents match. */
    record PageResponse(List<IncomingView.Summary> items, int page, int size, long total, boolean totalExact) {
    }
}
