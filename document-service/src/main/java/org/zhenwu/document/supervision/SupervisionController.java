package org.zhenwu.document.supervision;

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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zhenwu.document.attachment.AttachmentResponses;
import org.zhenwu.document.attachment.AttachmentView;
import org.zhenwu.document.element.SecrecyLevel;
import org.zhenwu.platform.security.Caller;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** 督办 over HTTP. */
@RestController
@RequestMapping("/api/documents/supervision")
@Validated
class SupervisionController {
    private final SupervisionService supervision;

    SupervisionController(SupervisionService supervision) {
        this.supervision = supervision;
    }

    /** Opens a task by hand (meeting decisions and the like). */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    SupervisionView open(@Valid @RequestBody OpenRequest r) {
        return supervision.open(Caller.current(), r.town(), r.title().strip(), r.requirement(), r.ownerDepartment().strip(),
                r.coDepartments(), r.deadline(), r.deadlineWorkingDays());
    }

    @GetMapping
    PageResponse list(@RequestParam(required = false) String town, @RequestParam(required = false) SupervisionStatus status,
                      @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Origin origin,
                      @RequestParam(defaultValue = "0") @Min(0) int page,
                      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        var result = supervision.list(Caller.current(), town, status, overdue, origin, page, size);
        return new PageResponse(result.getContent(), page, size, result.getTotalElements());
    }

    @GetMapping("/{id}")
    SupervisionView get(@PathVariable UUID id) {
        return supervision.get(Caller.current(), id);
    }

    /** The owner department takes it on. */
    @PostMapping("/{id}/acceptance")
    SupervisionView accept(@PathVariable UUID id) {
        return supervision.accept(Caller.current(), id);
    }

    /** The owner department reports it done: 办理情况. */
    @PostMapping("/{id}/evidence")
    SupervisionView evidence(@PathVariable UUID id, @Valid @RequestBody EvidenceRequest request) {
        return supervision.submitEvidence(Caller.current(), id, request.evidence().strip());
    }

    /** A file of evidence (photos, minutes), as the raw body. */
    @PostMapping("/{id}/evidence-files")
    @ResponseStatus(HttpStatus.CREATED)
    AttachmentView attachEvidence(@PathVariable UUID id, @RequestParam String fileName,
                                  @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
                                  InputStream body) {
        return supervision.attachEvidence(Caller.current(), id, fileName, contentType, body);
    }

    @GetMapping("/{id}/evidence-files/{attachmentId}")
    ResponseEntity<InputStreamResource> evidenceFile(@PathVariable UUID id, @PathVariable UUID attachmentId) {
        var file = supervision.openEvidence(Caller.current(), id, attachmentId);
        return AttachmentResponses.of(file.attachment(), SecrecyLevel.NONE, file.content());
    }

    /** The office sends the evidence back. */
    @PostMapping("/{id}/evidence-rejection")
    SupervisionView reject(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        return supervision.rejectEvidence(Caller.current(), id, request.reason().strip());
    }

    /** The office accepts it as done; announced as {@code document.SupervisionCompleted}. */
    @PostMapping("/{id}/completion")
    SupervisionView complete(@PathVariable UUID id) {
        return supervision.complete(Caller.current(), id);
    }

    /** 催办. */
    @PostMapping("/{id}/urging")
    SupervisionView urge(@PathVariable UUID id, @Valid @RequestBody(required = false) NoteRequest request) {
        return supervision.urge(Caller.current(), id, request == null ? null : request.note());
    }

    @PostMapping("/{id}/cancellation")
    SupervisionView cancel(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        return supervision.cancel(Caller.current(), id, request.reason().strip());
    }

    record OpenRequest(@Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
                       @NotBlank @Size(max = 300) String title, @Size(max = 2000) String requirement,
                       @NotBlank @Size(max = 100) String ownerDepartment,
                       @Size(max = 20) List<@NotBlank @Size(max = 100) String> coDepartments,
                       LocalDate deadline, @Min(0) @Max(250) Integer deadlineWorkingDays) {
    }

    record EvidenceRequest(@NotBlank @Size(max = 5000) String evidence) {
    }

    record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    record NoteRequest(@Size(max = 2000) String note) {
    }

    record PageResponse(List<SupervisionView> items, int page, int size, long total) {
    }
}
