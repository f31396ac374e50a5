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

/**
 * The suggestion loop over HTTP; each step is a sub-resource. Deputies' suggestions and motions live under
 * {@code /api/congress/suggestions}, CPPCC proposals under {@code /api/congress/proposals}; the loop's steps answer
 * under both.
 */
@RestController
@RequestMapping("/api/congress")
@Validated
class SuggestionController {
    private final SuggestionService suggestions;

    SuggestionController(SuggestionService suggestions) {
        this.suggestions = suggestions;
    }

    /** District staff name the town; town staff file in their own. */
    @PostMapping("/suggestions")
    @ResponseStatus(HttpStatus.CREATED)
    SuggestionResponse submit(@Valid @RequestBody SubmitSuggestionRequest request) {
        if (request.kind() == SuggestionKind.PROPOSAL) {
            throw new org.zhenwu.platform.web.InvalidFieldException("kind", "CPPCC proposals are filed at /api/congress/proposals");
        }
        var submission = new Suggestion.Submission(request.kind() == null ? SuggestionKind.SUGGESTION : request.kind(),
                request.session().strip(), request.title().strip(), request.content().strip(),
                request.deputies().stream().map(String::strip).toList(), request.submittedAt());
        return SuggestionResponse.of(suggestions.submit(Caller.current(), request.town(), submission), false);
    }

    /** 提案: a CPPCC member's, members', group's or sector's proposal. */
    @PostMapping("/proposals")
    @ResponseStatus(HttpStatus.CREATED)
    SuggestionResponse submitProposal(@Valid @RequestBody SubmitProposalRequest request) {
        var submission = new Suggestion.Submission(SuggestionKind.PROPOSAL, request.session().strip(),
                request.title().strip(), request.content().strip(),
                request.members() == null ? List.of() : request.members().stream().map(String::strip).toList(),
                request.submittedAt(), request.proposerType(),
                request.proposerGroup() == null || request.proposerGroup().isBlank() ? null : request.proposerGroup().strip());
        return SuggestionResponse.of(suggestions.submit(Caller.current(), request.town(), submission), false);
    }

    /** 登记: gives the suggestion its number within the session. No body. */
    @PostMapping({"/suggestions/{id}/registration", "/proposals/{id}/registration"})
    SuggestionResponse register(@PathVariable UUID id) {
        return SuggestionResponse.of(suggestions.register(Caller.current(), id), false);
    }

    /** 交办. */
    @PostMapping({"/suggestions/{id}/assignment", "/proposals/{id}/assignment"})
    SuggestionResponse assign(@PathVariable UUID id, @Valid @RequestBody AssignSuggestionRequest request) {
        List<String> coUnits = request.coUnits() == null ? List.of() : request.coUnits().stream().map(String::strip).toList();
        return SuggestionResponse.of(suggestions.assign(Caller.current(), id, request.leadUnit().strip(), coUnits), false);
    }

    /** 协办意见 to the lead unit. A unit's handler may leave {@code unit} out: it is their own. */
    @PostMapping({"/suggestions/{id}/co-unit-views", "/proposals/{id}/co-unit-views"})
    SuggestionResponse giveCoUnitView(@PathVariable UUID id, @Valid @RequestBody CoUnitViewRequest request) {
        return SuggestionResponse.of(suggestions.giveCoUnitView(Caller.current(), id,
                request.unit() == null || request.unit().isBlank() ? null : request.unit().strip(),
                request.view().strip()), false);
    }

    /**
     * 并案: the suggestions named are handled with this one (the lead, 主件): assigned with it to the same units,
     * each answered on its own.
     */
    @PostMapping({"/suggestions/{id}/merger", "/proposals/{id}/merger"})
    SuggestionResponse merge(@PathVariable UUID id, @Valid @RequestBody MergeSuggestionsRequest request) {
        Caller caller = Caller.current();
        suggestions.merge(caller, id, request.suggestionIds());
        return get(id);
    }

    /** 延期 of the first reply (complex case, deputies told). */
    @PostMapping({"/suggestions/{id}/extension", "/proposals/{id}/extension"})
    SuggestionResponse extend(@PathVariable UUID id, @Valid @RequestBody ExtendReplyRequest request) {
        return SuggestionResponse.of(suggestions.extend(Caller.current(), id, request.replyDue(), request.reason().strip(),
                request.deputiesToldOn()), false);
    }

    /** 答复 by the lead unit, classified A–D. */
    @PostMapping({"/suggestions/{id}/replies", "/proposals/{id}/replies"})
    SuggestionResponse reply(@PathVariable UUID id, @Valid @RequestBody ReplyRequest request) {
        return SuggestionResponse.of(suggestions.reply(Caller.current(), id, request.category(), request.content().strip()),
                false);
    }

    /** The deputies' verdict (征询意见表) on the last reply. */
    @PostMapping({"/suggestions/{id}/feedback", "/proposals/{id}/feedback"})
    SuggestionResponse feedback(@PathVariable UUID id, @Valid @RequestBody FeedbackRequest request) {
        return SuggestionResponse.of(suggestions.feedback(Caller.current(), id, request.satisfaction(),
                request.note() == null || request.note().isBlank() ? null : request.note().strip()), false);
    }

    @GetMapping({"/suggestions/{id}", "/proposals/{id}"})
    SuggestionResponse get(@PathVariable UUID id) {
        return SuggestionResponse.of(suggestions.get(Caller.current(), id), true).withMerged(suggestions.mergedWith(id));
    }

    /** CPPCC proposals only. */
    @GetMapping("/proposals")
    PageResponse listProposals(@RequestParam(required = false) String town,
                               @RequestParam(required = false) String session,
                               @RequestParam(required = false) SuggestionStatus status,
                               @RequestParam(required = false) String unit,
                               @RequestParam(defaultValue = "0") @Min(0) int page,
                               @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return list(town, session, status, SuggestionKind.PROPOSAL, unit, page, size);
    }

    /** {@code unit} finds what a unit leads or co-handles. */
    @GetMapping("/suggestions")
    PageResponse list(@RequestParam(required = false) String town,
                      @RequestParam(required = false) String session,
                      @RequestParam(required = false) SuggestionStatus status,
                      @RequestParam(required = false) SuggestionKind kind,
                      @RequestParam(required = false) String unit,
                      @RequestParam(defaultValue = "0") @Min(0) int page,
                      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        var result = suggestions.list(Caller.current(), town, blankToNull(session), status, kind, blankToNull(unit),
                page, size);
        return new PageResponse(result.getContent().stream().map(s -> SuggestionResponse.of(s, false)).toList(),
                page, size, result.getTotalElements());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * @param kind     SUGGESTION (default) or MOTION (议案, needs at least five deputies)
     * @param session  e.g. 第十七届人大第七次会议
     * @param deputies the leading deputy (领衔代表) first; several for a joint suggestion
     */
    record SubmitSuggestionRequest(
            @Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
            SuggestionKind kind,
            @NotBlank @Size(max = 100) String session,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 20000) String content,
            @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 50) String> deputies,
            @NotNull Instant submittedAt) {
    }

    /**
     * @param session      e.g. 区政协十四届四次会议
     * @param members      the CPPCC members, the leading one first; may be empty for a group's or sector's proposal
     * @param proposerType MEMBER, JOINT, GROUP or SECTOR
     * @param proposerGroup the party, group or sector (界别) for GROUP and SECTOR
     */
    record SubmitProposalRequest(
            @Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
            @NotBlank @Size(max = 100) String session,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 20000) String content,
            @Size(max = 100) List<@NotBlank @Size(max = 50) String> members,
            @NotNull ProposerType proposerType,
            @Size(max = 100) String proposerGroup,
            @NotNull Instant submittedAt) {
    }

    /**
     * @param leadUnit 主办单位
     * @param coUnits  协办单位, optional
     */
    record AssignSuggestionRequest(@NotBlank @Size(max = 100) String leadUnit,
                                   @Size(max = 20) List<@NotBlank @Size(max = 100) String> coUnits) {
    }

    /** @param suggestionIds registered suggestions of the same session and kind raising the same matter */
    record MergeSuggestionsRequest(@NotEmpty @Size(max = 50) List<@NotNull UUID> suggestionIds) {
    }

    record CoUnitViewRequest(@Size(max = 100) String unit, @NotBlank @Size(max = 10000) String view) {
    }

    /**
     * @param replyDue       the new last day, at most six months after 交办
     * @param deputiesToldOn the day the deputies were told of the extension
     */
    record ExtendReplyRequest(@NotNull LocalDate replyDue, @NotBlank @Size(max = 500) String reason,
                              @NotNull LocalDate deputiesToldOn) {
    }

    record ReplyRequest(@NotNull ReplyCategory category, @NotBlank @Size(max = 20000) String content) {
    }

    record FeedbackRequest(@NotNull Satisfaction satisfaction, @Size(max = 2000) String note) {
    }

    record TransitionResponse(String from, String to, String actor, String note, Instant at) {
    }

    record CoUnitResponse(String unit, String view, Instant viewedAt) {
    }

    record ReplyResponse(int round, ReplyStage stage, ReplyCategory category, String unit, String content,
                         Instant repliedAt, LocalDate due, boolean onTime, Satisfaction satisfaction,
                         String feedbackNote, Instant feedbackAt) {
    }

    record SuggestionResponse(UUID id, String town, SuggestionKind kind, ProposerType proposerType, String proposerGroup,
                              String session, Integer registrationNumber,
                              String title, String content, List<String> deputies, Instant submittedAt,
                              SuggestionStatus status, Instant registeredAt, String leadUnit, List<String> coUnits,
                              List<CoUnitResponse> coUnitViews, LocalDate coViewsDue, Instant assignedAt,
                              LocalDate replyDue, LocalDate extendedFrom, String extensionReason,
                              LocalDate deputiesToldOn, ReplyCategory category, int replyCount, Boolean firstReplyOnTime,
                              Satisfaction satisfaction, int rehandlings, Instant closedAt, boolean replyEscalated,
                              boolean coViewsEscalated, UUID supervisionTaskId, LocalDate supervisionCompletedOn,
                              UUID mergedInto, List<UUID> merged,
                              List<ReplyResponse> replies, List<TransitionResponse> transitions) {
        /** With the suggestions handled with this one (并案), shown on a single suggestion. */
        SuggestionResponse withMerged(List<UUID> ids) {
            return new SuggestionResponse(id, town, kind, proposerType, proposerGroup, session, registrationNumber, title,
                    content, deputies, submittedAt, status, registeredAt, leadUnit, coUnits, coUnitViews, coViewsDue,
                    assignedAt, replyDue, extendedFrom, extensionReason, deputiesToldOn, category, replyCount,
                    firstReplyOnTime, satisfaction, rehandlings, closedAt, replyEscalated, coViewsEscalated,
                    supervisionTaskId, supervisionCompletedOn, mergedInto, ids, replies, transitions);
        }

        static SuggestionResponse of(Suggestion s, boolean withTrail) {
            List<TransitionResponse> trail = withTrail ? s.transitions().stream()
                    .map(t -> new TransitionResponse(t.fromStatus() == null ? null : t.fromStatus().name(),
                            t.toStatus().name(), t.actor(), t.note(), t.at())).toList() : null;
            List<ReplyResponse> replies = withTrail ? s.replies().stream()
                    .map(r -> new ReplyResponse(r.round(), r.stage(), r.category(), r.unit(), r.content(), r.repliedAt(),
                            r.due(), r.onTime(), r.satisfaction(), r.feedbackNote(), r.feedbackAt())).toList() : null;
            return new SuggestionResponse(s.id(), s.townCode(), s.kind(), s.proposerType(), s.proposerGroup(), s.session(), s.registrationNumber(), s.title(),
                    s.content(), s.deputies(), s.submittedAt(), s.status(), s.registeredAt(), s.leadUnit(),
                    s.coUnits(), s.coUnitViews().stream().map(c -> new CoUnitResponse(c.unit(), c.view(), c.viewedAt()))
                    .toList(), s.coViewsDue(), s.assignedAt(), s.replyDue(), s.extendedFrom(), s.extensionReason(),
                    s.deputiesToldOn(), s.category(), s.replyCount(), s.firstReplyOnTime(), s.satisfaction(),
                    s.rehandlings(), s.closedAt(), s.replyEscalated(), s.coViewsEscalated(), s.supervisionTaskId(),
                    s.supervisionCompletedOn(), s.mergedInto(), null, replies, trail);
        }
    }

    record PageResponse(List<SuggestionResponse> items, int page, int size, long total) {
    }
}
