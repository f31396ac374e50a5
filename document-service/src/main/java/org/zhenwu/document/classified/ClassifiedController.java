package org.zhenwu.document.classified;

import java.util.List;
import java.util.UUID;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zhenwu.document.access.DocumentAccess;
import org.zhenwu.document.access.ReadContext;
import org.zhenwu.document.attachment.AttachmentResponses;
import org.zhenwu.platform.security.Caller;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Copies, exports, destruction and the read log of documents of either direction (addressed by document id). */
@RestController
@RequestMapping("/api/documents")
@Validated
class ClassifiedController {
    private final ClassifiedService classified;

    ClassifiedController(ClassifiedService classified) {
        this.classified = classified;
    }

    @PostMapping("/{id}/copy-requests")
    @ResponseStatus(HttpStatus.CREATED)
    CopyRequestView requestCopy(@PathVariable UUID id, @Valid @RequestBody CopyRequestBody request) {
        return classified.requestCopy(Caller.current(), id, request.copies(), request.reason().strip());
    }

    @GetMapping("/copy-requests")
    List<CopyRequestView> pendingCopies(@RequestParam(required = false) String town) {
        return classified.pendingCopies(Caller.current(), town);
    }

    @PostMapping("/copy-requests/{requestId}/decision")
    CopyRequestView decideCopy(@PathVariable UUID requestId, @Valid @RequestBody DecisionRequest request) {
        return classified.decideCopy(Caller.current(), requestId, request.approve(), request.note());
    }

    /** 导出 one copy of an attachment; classified documents name their approved copy request. */
    @GetMapping("/{id}/attachments/{attachmentId}/export")
    ResponseEntity<InputStreamResource> export(@PathVariable UUID id, @PathVariable UUID attachmentId,
                                               @RequestParam(required = false) UUID copyRequest, HttpServletRequest http) {
        var export = classified.export(Caller.current(), id, attachmentId, copyRequest, ReadContext.of(http));
        ResponseEntity<InputStreamResource> response = AttachmentResponses.of(export.attachment(), export.level(), export.content());
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(response.getHeaders());
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(export.attachment().fileName(), java.nio.charset.StandardCharsets.UTF_8).build());
        if (export.copyNo() != null) {
            headers.set("X-Copy-Number", Integer.toString(export.copyNo()));
        }
        return ResponseEntity.ok().headers(headers).body(response.getBody());
    }

    @PostMapping("/{id}/destruction-requests")
    @ResponseStatus(HttpStatus.CREATED)
    DestructionView requestDestruction(@PathVariable UUID id, @Valid @RequestBody ReasonBody request) {
        return classified.requestDestruction(Caller.current(), id, request.reason().strip());
    }

    @PostMapping("/destruction-requests/{requestId}/decision")
    DestructionView decideDestruction(@PathVariable UUID requestId, @Valid @RequestBody DecisionRequest request) {
        return classified.decideDestruction(Caller.current(), requestId, request.approve(), request.note());
    }

    @PostMapping("/destruction-requests/{requestId}/execution")
    DestructionView carryOut(@PathVariable UUID requestId, @Valid @RequestBody ExecutionRequest request) {
        return classified.carryOut(Caller.current(), requestId, request.method().strip(), request.witness().strip());
    }

    /** 销毁登记簿. */
    @GetMapping("/destruction-register")
    List<DestructionView> register(@RequestParam(required = false) String town, @RequestParam @Min(2000) @Max(2100) int year) {
        return classified.register(Caller.current(), town, year);
    }

    @GetMapping("/{id}/read-log")
    List<DocumentAccess.ReadLogEntry> readLog(@PathVariable UUID id) {
        return classified.readLog(Caller.current(), id);
    }

    record CopyRequestBody(@Min(1) @Max(50) int copies, @NotBlank @Size(max = 2000) String reason) {
    }

    record DecisionRequest(@NotNull Boolean approve, @Size(max = 2000) String note) {
    }

    record ReasonBody(@NotBlank @Size(max = 2000) String reason) {
    }

    record ExecutionRequest(@NotBlank @Size(max = 200) String method, @NotBlank @Size(max = 100) String witness) {
    }
}
