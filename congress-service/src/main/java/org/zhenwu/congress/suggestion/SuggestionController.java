package org.zhenwu.congress.suggestion;

import java.time.Instant;
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
import org.zhenwu.platform.security.Caller;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/congress/suggestions")
@Validated
class SuggestionController {
    private final SuggestionService suggestions;

    SuggestionController(SuggestionService suggestions) {
        this.suggestions = suggestions;
    }

    /** District staff name the town; town staff file in their own. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    SuggestionResponse submit(@Valid @RequestBody SubmitSuggestionRequest request) {
        var submission = new Suggestion.Submission(request.session().strip(), request.title().strip(),
                request.content().strip(), request.deputies().stream().map(String::strip).toList(), request.submittedAt());
        return SuggestionResponse.of(suggestions.submit(Caller.current(), request.town(), submission), false);
    }

    /** 登记: gives the suggestion its number within the session. No body. */
    @PostMapping("/{id}/registration")
    SuggestionResponse register(@PathVariable UUID id) {
        return SuggestionResponse.of(suggestions.register(Caller.current(), id), false);
    }

    /** 交办. */
    @PostMapping("/{id}/assignment")
    SuggestionResponse assign(@PathVariable UUID id, @Valid @RequestBody AssignSuggestionRequest request) {
        List<String> coUnits = request.coUnits() == null ? List.of() : request.coUnits().stream().map(String::strip).toList();
        return SuggestionResponse.of(suggestions.assign(Caller.current(), id, request.leadUnit().strip(), coUnits), false);
    }

    @GetMapping("/{id}")
    SuggestionResponse get(@PathVariable UUID id) {
        return SuggestionResponse.of(suggestions.get(Caller.current(), id), true);
    }

    @GetMapping
    PageResponse list(@RequestParam(required = false) String town,
                      @RequestParam(required = false) String session,
                      @RequestParam(required = false) SuggestionStatus status,
                      @RequestParam(defaultValue = "0") @Min(0) int page,
                      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        var result = suggestions.list(Caller.current(), town, session == null || session.isBlank() ? null : session.strip(),
                status, page, size);
        return new PageResponse(result.getContent().stream().map(s -> SuggestionResponse.of(s, false)).toList(),
                page, size, result.getTotalElements());
    }

    /**
     * @param session  e.g. 第十七届人大第七次会议
     * @param deputies the leading deputy (领衔代表) first; several for a joint suggestion
     */
    record SubmitSuggestionRequest(
            @Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
            @NotBlank @Size(max = 100) String session,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 20000) String content,
            @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 50) String> deputies,
            @NotNull Instant submittedAt) {
    }

    /**
     * @param leadUnit 主办单位
     * @param coUnits  协办单位, optional
     */
    record AssignSuggestionRequest(@NotBlank @Size(max = 100) String leadUnit,
                                   @Size(max = 20) List<@NotBlank @Size(max = 100) String> coUnits) {
    }

    record TransitionResponse(String from, String to, String actor, String note, Instant at) {
    }

    record SuggestionResponse(UUID id, String town, String session, Integer registrationNumber, String title,
                              String content, List<String> deputies, Instant submittedAt, SuggestionStatus status,
                              Instant registeredAt, String leadUnit, List<String> coUnits, Instant assignedAt,
                              LocalDate replyDue, List<TransitionResponse> transitions) {
        static SuggestionResponse of(Suggestion s, boolean withTrail) {
            List<TransitionResponse> trail = withTrail ? s.transitions().stream()
                    .map(t -> new TransitionResponse(t.fromStatus() == null ? null : t.fromStatus().name(),
                            t.toStatus().name(), t.actor(), t.note(), t.at())).toList() : null;
            return new SuggestionResponse(s.id(), s.townCode(), s.session(), s.registrationNumber(), s.title(),
                    s.content(), s.deputies(), s.submittedAt(), s.status(), s.registeredAt(), s.leadUnit(),
                    s.coUnits(), s.assignedAt(), s.replyDue(), trail);
        }
    }

    record PageResponse(List<SuggestionResponse> items, int page, int size, long total) {
    }
}
