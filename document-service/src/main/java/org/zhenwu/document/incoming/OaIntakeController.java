package org.zhenwu.document.incoming;

import java.time.LocalDate;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhenwu.document.element.DocumentKind;
import org.zhenwu.document.element.ElementsRequest;
import org.zhenwu.platform.security.Caller;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The district OA platform (区OA) pushes the documents it sends a town here, with a token carrying the role
 * {@code OA_INTAKE} (or a district admin's). Each push is identified by the platform's own id: a repeat is answered
 * 200 with the document already taken in, a first push 201. The platform polls the status to learn of a return.
 */
@RestController
@RequestMapping("/api/documents/intake/oa")
@Validated
class OaIntakeController {
    private final IncomingDocumentService documents;

    OaIntakeController(IncomingDocumentService documents) {
        this.documents = documents;
    }

    @PostMapping
    ResponseEntity<IncomingView> push(@Valid @RequestBody OaDocumentRequest r) {
        var result = documents.intakeFromOa(Caller.current(), r.town(), r.externalId().strip(),
                new IncomingDocumentService.ArrivalRequest(r.kind(), IncomingChannel.DISTRICT_OA, r.sender().strip(),
                        r.originalNumber(), 1, r.deadline()), r.elements());
        return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result.document());
    }

    @GetMapping("/{externalId}")
    IncomingView.IntakeStatus status(@PathVariable String externalId, @RequestParam(required = false) String town) {
        return documents.oaStatus(Caller.current(), town, externalId);
    }

    record OaDocumentRequest(@Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
                             @NotBlank @Size(max = 100) String externalId, DocumentKind kind,
                             @NotBlank @Size(max = 200) String sender, @Size(max = 100) String originalNumber,
                             LocalDate deadline, @NotNull @Valid ElementsRequest elements) {
    }
}
