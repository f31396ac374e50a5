package org.zhenwu.congress.livelihood;

import java.math.BigDecimal;
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
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Livelihood projects (民生实事项目) and the deputies' votes on them (票决). */
@RestController
@RequestMapping("/api/congress")
@Validated
class LivelihoodController {
    private final LivelihoodService livelihood;

    LivelihoodController(LivelihoodService livelihood) {
        this.livelihood = livelihood;
    }

    /** 征集. */
    @PostMapping("/livelihood-projects")
    @ResponseStatus(HttpStatus.CREATED)
    ProjectResponse propose(@Valid @RequestBody ProposeProjectRequest r) {
        return ProjectResponse.of(livelihood.propose(Caller.current(), r.town(), r.year(), r.title().strip(),
                r.description() == null ? null : r.description().strip(), r.source() == null ? null : r.source().strip(),
                r.sponsorUnit().strip(), r.estimatedBudget()), false);
    }

    /** 初选: {@code shortlisted} true puts it on the ballot, false leaves it out. */
    @PostMapping("/livelihood-projects/{id}/shortlisting")
    ProjectResponse shortlist(@PathVariable UUID id, @Valid @RequestBody ShortlistRequest r) {
        return ProjectResponse.of(livelihood.shortlist(Caller.current(), id, r.shortlisted(), r.note()), false);
    }

    /** 实施. */
    @PostMapping("/livelihood-projects/{id}/start")
    ProjectResponse start(@PathVariable UUID id, @Valid @RequestBody DayRequest r) {
        return ProjectResponse.of(livelihood.start(Caller.current(), id, r.on()), false);
    }

    @PostMapping("/livelihood-projects/{id}/progress")
    ProjectResponse progress(@PathVariable UUID id, @Valid @RequestBody ProgressRequest r) {
        return ProjectResponse.of(livelihood.reportProgress(Caller.current(), id, r.progressPercent(), r.note()), false);
    }

    /** 监督视察. */
    @PostMapping("/livelihood-projects/{id}/supervision-visits")
    ProjectResponse visit(@PathVariable UUID id, @Valid @RequestBody VisitRequest r) {
        return ProjectResponse.of(livelihood.recordVisit(Caller.current(), id, r.visitedOn(), r.progressPercent(),
                r.findings().strip(), r.participants() == null ? List.of() : r.participants()), false);
    }

    @PostMapping("/livelihood-projects/{id}/completion")
    ProjectResponse complete(@PathVariable UUID id, @Valid @RequestBody DayRequest r) {
        return ProjectResponse.of(livelihood.complete(Caller.current(), id, r.on()), false);
    }

    /** 评估. */
    @PostMapping("/livelihood-projects/{id}/evaluation")
    ProjectResponse evaluate(@PathVariable UUID id, @Valid @RequestBody EvaluationRequest r) {
        return ProjectResponse.of(livelihood.evaluate(Caller.current(), id, r.grade(), r.satisfactionPercent(),
                r.summary() == null ? null : r.summary().strip()), false);
    }

    @GetMapping("/livelihood-projects/{id}")
    ProjectResponse project(@PathVariable UUID id) {
        return ProjectResponse.of(livelihood.project(Caller.current(), id), true);
    }

    @GetMapping("/livelihood-projects")
    List<ProjectResponse> projects(@RequestParam(required = false) String town, @RequestParam(required = false) Integer year,
                                   @RequestParam(required = false) ProjectStatus status) {
        return livelihood.projects(Caller.current(), town, year, status).stream().map(p -> ProjectResponse.of(p, false)).toList();
    }

    /** Opens a vote at a session among shortlisted projects. */
    @PostMapping("/livelihood-votes")
    @ResponseStatus(HttpStatus.CREATED)
    VoteResponse openVote(@Valid @RequestBody OpenVoteRequest r) {
        var vote = livelihood.openVote(Caller.current(), r.sessionId(), r.title().strip(), r.seats(), r.candidateIds());
        return VoteResponse.of(livelihood.vote(Caller.current(), vote.id()));
    }

    /** One ballot per deputy; the answer's {@code ballotId} finds it among the published ballots. */
    @PostMapping("/livelihood-votes/{id}/ballots")
    @ResponseStatus(HttpStatus.CREATED)
    BallotReceipt cast(@PathVariable UUID id, @Valid @RequestBody CastBallotRequest r) {
        return new BallotReceipt(id, livelihood.cast(Caller.current(), id, r.deputyId(), r.choices()));
    }

    /** Closes and counts the vote. No body. */
    @PostMapping("/livelihood-votes/{id}/tally")
    VoteResponse tally(@PathVariable UUID id) {
        livelihood.tally(Caller.current(), id);
        return VoteResponse.of(livelihood.vote(Caller.current(), id));
    }

    @GetMapping("/livelihood-votes/{id}")
    VoteResponse vote(@PathVariable UUID id) {
        return VoteResponse.of(livelihood.vote(Caller.current(), id));
    }

    @GetMapping("/livelihood-votes/{id}/ballots")
    List<BallotResponse> ballots(@PathVariable UUID id) {
        return livelihood.ballots(Caller.current(), id).stream().map(b -> new BallotResponse(b.ballotId(), b.choices())).toList();
    }

    @GetMapping("/livelihood-votes/{id}/recount")
    LivelihoodService.Recount recount(@PathVariable UUID id) {
        return livelihood.recount(Caller.current(), id);
    }

    /**
     * @param source          who proposed it: 群众, 代表, 部门 …
     * @param estimatedBudget 万元
     */
    record ProposeProjectRequest(@Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
                                 @Min(2000) @Max(2100) int year, @NotBlank @Size(max = 200) String title,
                                 @Size(max = 5000) String description, @Size(max = 100) String source,
                                 @NotBlank @Size(max = 100) String sponsorUnit,
                                 // the column is DECIMAL(14,2): anything larger was a database error (500)
                                 @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal estimatedBudget) {
    }

    record ShortlistRequest(@NotNull Boolean shortlisted, @Size(max = 500) String note) {
    }

    record DayRequest(@NotNull LocalDate on) {
    }

    record ProgressRequest(@Min(0) @Max(100) int progressPercent, @Size(max = 1000) String note) {
    }

    record VisitRequest(@NotNull LocalDate visitedOn, @Min(0) @Max(100) Integer progressPercent,
                        @NotBlank @Size(max = 5000) String findings,
                        @Size(max = 50) List<@NotBlank @Size(max = 50) String> participants) {
    }

    record EvaluationRequest(@NotNull EvaluationGrade grade, @Min(0) @Max(100) Integer satisfactionPercent,
                             @Size(max = 5000) String summary) {
    }

    record OpenVoteRequest(@NotNull UUID sessionId, @NotBlank @Size(max = 200) String title, @Min(1) @Max(50) int seats,
                           @NotEmpty @Size(max = 100) List<@NotNull UUID> candidateIds) {
    }

    /** @param deputyId the office names the deputy; a deputy voting for themselves may leave it out */
    record CastBallotRequest(UUID deputyId, @NotNull @Size(max = 50) List<@NotNull UUID> choices) {
    }

    record BallotReceipt(UUID voteId, UUID ballotId) {
    }

    record BallotResponse(UUID ballotId, List<UUID> choices) {
    }

    record TransitionResponse(String from, String to, String actor, String note, Instant at) {
    }

    record VisitResponse(LocalDate visitedOn, Integer progressPercent, String findings, String participants) {
    }

    record ProjectResponse(UUID id, String town, int year, String title, String description, String source,
                           String sponsorUnit, BigDecimal estimatedBudget, ProjectStatus status, UUID voteId, Long votes,
                           int progressPercent, LocalDate startedOn, LocalDate completedOn, EvaluationGrade evaluationGrade,
                           Integer satisfactionPercent, String evaluationSummary, List<VisitResponse> visits,
                           List<TransitionResponse> transitions) {
        static ProjectResponse of(LivelihoodProject p, boolean withTrail) {
            return new ProjectResponse(p.id(), p.townCode(), p.year(), p.title(), p.description(), p.source(),
                    p.sponsorUnit(), p.estimatedBudget(), p.status(), p.voteId(), p.votes(), p.progressPercent(),
                    p.startedOn(), p.completedOn(), p.evaluationGrade(), p.satisfactionPercent(), p.evaluationSummary(),
                    withTrail ? p.visits().stream().map(v -> new VisitResponse(v.visitedOn(), v.progressPercent(),
                            v.findings(), v.participants())).toList() : null,
                    withTrail ? p.transitions().stream().map(t -> new TransitionResponse(
                            t.fromStatus() == null ? null : t.fromStatus().name(), t.toStatus().name(), t.actor(),
                            t.note(), t.at())).toList() : null);
        }
    }

    record ResultLine(UUID projectId, String title, long votes, int rank, Tally.Outcome outcome) {
    }

    record CandidateLine(UUID projectId, String title) {
    }

    record VoteResponse(UUID id, String town, UUID sessionId, String session, String title, int seats, VoteStatus status,
                        long seated, long present, MajorityBase majorityBase, Long majorityThreshold, long ballotsSoFar,
                        Long ballotsCast, String ballotDigest, Instant openedAt, Instant talliedAt,
                        List<CandidateLine> candidates, List<ResultLine> results) {
        static VoteResponse of(LivelihoodService.VoteView view) {
            ProjectVote v = view.vote();
            return new VoteResponse(v.id(), v.townCode(), v.sessionId(), v.sessionName(), v.title(), v.seats(), v.status(),
                    v.seated(), v.present(), v.majorityBase(), v.majorityThreshold(), view.ballotsSoFar(), v.ballotsCast(),
                    v.ballotDigest(), v.openedAt(), v.talliedAt(),
                    v.candidates().stream().map(c -> new CandidateLine(c, view.titles().get(c))).toList(),
                    v.results().stream().map(r -> new ResultLine(r.projectId(), view.titles().get(r.projectId()),
                            r.votes(), r.rank(), r.outcome())).toList());
        }
    }
}
