package org.zhenwu.document.legal;

import java.time.Clock;
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
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.importing.ImportFile;
import org.zhenwu.platform.security.Caller;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** 法制 over HTTP: legality reviews, legal opinions, cases, their imports and figures. */
@RestController
@RequestMapping("/api/documents/legal")
@Validated
class LegalController {
    private final LegalService legal;
    private final LegalFigures figures;
    private final Clock clock;

    LegalController(LegalService legal, LegalFigures figures, Clock clock) {
        this.legal = legal;
        this.figures = figures;
        this.clock = clock;
    }

    // ---- 规范性文件法制审核 ----

    @PostMapping("/reviews")
    @ResponseStatus(HttpStatus.CREATED)
    LegalityReviewView submitReview(@Valid @RequestBody SubmitReviewRequest r) {
        return legal.submitReview(Caller.current(), r.town(), r.documentTitle().strip(), r.draftingUnit().strip(),
                r.outgoingDocumentId(), r.note());
    }

    @GetMapping("/reviews")
    Paged<LegalityReviewView> reviews(@RequestParam(required = false) String town,
                                      @RequestParam(required = false) LegalityStatus status,
                                      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return Paged.of(legal.listReviews(Caller.current(), town, status, page, size), page, size);
    }

    @GetMapping("/reviews/{id}")
    LegalityReviewView review(@PathVariable UUID id) {
        return legal.getReview(Caller.current(), id);
    }

    /** A legal reviewer takes the draft on. */
    @PostMapping("/reviews/{id}/acceptance")
    LegalityReviewView takeReview(@PathVariable UUID id) {
        return legal.takeReview(Caller.current(), id);
    }

    /** 审核结论; announced as {@code document.LegalityReviewConcluded}. */
    @PostMapping("/reviews/{id}/conclusion")
    LegalityReviewView concludeReview(@PathVariable UUID id, @Valid @RequestBody ConcludeReviewRequest r) {
        return legal.concludeReview(Caller.current(), id, r.outcome(), r.opinion().strip());
    }

    // ---- 法律意见书 ----

    @PostMapping("/opinions")
    @ResponseStatus(HttpStatus.CREATED)
    LegalOpinionView draftOpinion(@Valid @RequestBody DraftOpinionRequest r) {
        return legal.draftOpinion(Caller.current(), r.town(), r.subjectArea(), r.question().strip(),
                r.opinion() == null || r.opinion().isBlank() ? null : r.opinion().strip(), r.counsel().strip());
    }

    @GetMapping("/opinions")
    Paged<LegalOpinionView> opinions(@RequestParam(required = false) String town,
                                     @RequestParam(required = false) OpinionStatus status,
                                     @RequestParam(required = false) SubjectArea subjectArea,
                                     @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                                     @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return Paged.of(legal.listOpinions(Caller.current(), town, status, subjectArea, page, size), page, size);
    }

    @GetMapping("/opinions/{id}")
    LegalOpinionView opinion(@PathVariable UUID id) {
        return legal.getOpinion(Caller.current(), id);
    }

    /** 出具 with the next number; announced as {@code document.LegalOpinionIssued}. */
    @PostMapping("/opinions/{id}/issuance")
    LegalOpinionView issue(@PathVariable UUID id, @Valid @RequestBody(required = false) IssueOpinionRequest r) {
        String text = r == null || r.opinion() == null || r.opinion().isBlank() ? null : r.opinion().strip();
        return legal.issueOpinion(Caller.current(), id, text, r == null ? null : r.issuedOn());
    }

    /** The old register of opinions as CSV with a header row (columns: see {@code LegalImport}). */
    @PostMapping(path = "/opinions/imports", consumes = "text/csv")
    @ResponseStatus(HttpStatus.CREATED)
    ImportResult importOpinions(@RequestParam(required = false) String town, @RequestBody String body) {
        return legal.importOpinions(Caller.current(), town, ImportFile.csv(body, DocumentImports.MAX_ROWS));
    }

    // ---- 代理案件 ----

    @PostMapping("/cases")
    @ResponseStatus(HttpStatus.CREATED)
    LegalCaseView registerCase(@Valid @RequestBody RegisterCaseRequest r) {
        return legal.registerCase(Caller.current(), r.town(), new LegalCase.Parties(r.caseNumber().strip(),
                r.court().strip(), r.kind(), r.ourRole(), r.counterparty().strip(), r.counsel().strip(),
                r.cause() == null || r.cause().isBlank() ? null : r.cause().strip()), r.registeredOn());
    }

    @GetMapping("/cases")
    Paged<LegalCaseView> cases(@RequestParam(required = false) String town,
                               @RequestParam(required = false) CaseStatus status,
                               @RequestParam(required = false) CaseKind kind,
                               @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return Paged.of(legal.listCases(Caller.current(), town, status, kind, page, size), page, size);
    }

    @GetMapping("/cases/{id}")
    LegalCaseView legalCase(@PathVariable UUID id) {
        return legal.getCase(Caller.current(), id);
    }

    @PostMapping("/cases/{id}/hearings")
    @ResponseStatus(HttpStatus.CREATED)
    LegalCaseView hearing(@PathVariable UUID id, @Valid @RequestBody HearingRequest r) {
        return legal.recordHearing(Caller.current(), id, r.heldOn(), r.description().strip());
    }

    @PostMapping("/cases/{id}/judgment")
    LegalCaseView judgment(@PathVariable UUID id, @Valid @RequestBody JudgmentRequest r) {
        return legal.judge(Caller.current(), id, r.judgedOn(), r.summary().strip());
    }

    @PostMapping("/cases/{id}/appeal")
    LegalCaseView appeal(@PathVariable UUID id, @Valid @RequestBody(required = false) AppealRequest r) {
        return legal.appeal(Caller.current(), id, r == null ? null : r.appealedOn(), r == null ? null : r.note());
    }

    /** 结案; announced as {@code document.LegalCaseClosed}. */
    @PostMapping("/cases/{id}/closure")
    LegalCaseView close(@PathVariable UUID id, @Valid @RequestBody CloseCaseRequest r) {
        return legal.close(Caller.current(), id, r.outcome(), r.closedOn(), r.note());
    }

    /** The old register of cases as CSV with a header row (columns: see {@code LegalImport}). */
    @PostMapping(path = "/cases/imports", consumes = "text/csv")
    @ResponseStatus(HttpStatus.CREATED)
    ImportResult importCases(@RequestParam(required = false) String town, @RequestBody String body) {
        return legal.importCases(Caller.current(), town, ImportFile.csv(body, DocumentImports.MAX_ROWS));
    }

    // ---- figures ----

    /** The year's totals per figure key (see {@link LegalFigures}) with their months and breakdowns. */
    @GetMapping("/stats")
    LegalFigures.LegalStats stats(@RequestParam(required = false) String town,
                                  @RequestParam(required = false) @Min(2000) @Max(2199) Integer year) {
        int y = year != null ? year : LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE)).getYear();
        return figures.stats(Caller.current(), town, y);
    }

    record SubmitReviewRequest(@Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
                               @NotBlank @Size(max = 300) String documentTitle,
                               @NotBlank @Size(max = 100) String draftingUnit, UUID outgoingDocumentId,
                               @Size(max = 2000) String note) {
    }

    record ConcludeReviewRequest(@NotNull LegalityOutcome outcome, @NotBlank @Size(max = 20000) String opinion) {
    }

    record DraftOpinionRequest(@Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
                               @NotNull SubjectArea subjectArea, @NotBlank @Size(max = 5000) String question,
                               @Size(max = 20000) String opinion, @NotBlank @Size(max = 100) String counsel) {
    }

    record IssueOpinionRequest(@Size(max = 20000) String opinion, LocalDate issuedOn) {
    }

    record RegisterCaseRequest(@Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
                               @NotBlank @Size(max = 100) String caseNumber, @NotBlank @Size(max = 200) String court,
                               @NotNull CaseKind kind, @NotNull PartyRole ourRole,
                               @NotBlank @Size(max = 300) String counterparty,
                               @NotBlank @Size(max = 100) String counsel,
                               @Size(max = 300) String cause, LocalDate registeredOn) {
    }

    record HearingRequest(@NotNull LocalDate heldOn, @NotBlank @Size(max = 2000) String description) {
    }

    record JudgmentRequest(LocalDate judgedOn, @NotBlank @Size(max = 4000) String summary) {
    }

    record AppealRequest(LocalDate appealedOn, @Size(max = 2000) String note) {
    }

    record CloseCaseRequest(@NotNull CaseOutcome outcome, LocalDate closedOn, @Size(max = 2000) String note) {
    }

    record Paged<T>(List<T> items, int page, int size, long total) {
        static <T> Paged<T> of(org.springframework.data.domain.Page<T> p, int page, int size) {
            return new Paged<>(p.getContent(), page, size, p.getTotalElements());
        }
    }
}
