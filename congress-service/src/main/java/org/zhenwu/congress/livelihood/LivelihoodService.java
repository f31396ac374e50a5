package org.zhenwu.congress.livelihood;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.congress.session.SessionService;
import org.zhenwu.contracts.congress.v1.CongressTopics;
import org.zhenwu.contracts.congress.v1.LivelihoodVoteTallied;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.outbox.Outbox;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.ForbiddenException;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.platform.web.NotFoundException;

/**
 * Livelihood projects (民生实事项目) and the deputies' vote on them (票决制). The congress office runs the steps;
 * a deputy may cast their own ballot (role {@value #DEPUTY}, token subject = the deputy's id) or the office enters
 * it for them (paper ballots); the sponsor unit reports its project's progress.
 */
@Service
public class LivelihoodService {
    /** A deputy signed in to a voting terminal; the token's subject is the deputy's id. */
    public static final String DEPUTY = "CONGRESS_DEPUTY";
    private static final String[] STAFF = {Roles.CONGRESS_STAFF, Roles.DISTRICT_ADMIN};

    private final ProjectRepository projects;
    private final VoteRepository votes;
    private final Ballots ballots;
    private final SessionService sessions;
    private final Jurisdictions jurisdictions;
    private final LivelihoodProperties rules;
    private final Outbox outbox;
    private final Clock clock;

    LivelihoodService(ProjectRepository projects, VoteRepository votes, Ballots ballots, SessionService sessions,
                      Jurisdictions jurisdictions, LivelihoodProperties rules, Outbox outbox, Clock clock) {
        this.projects = projects;
        this.votes = votes;
        this.ballots = ballots;
        this.sessions = sessions;
        this.jurisdictions = jurisdictions;
        this.rules = rules;
        this.outbox = outbox;
        this.clock = clock;
    }

    // ---- projects -----------------------------------------------------------------------------------------------

    /** 征集. */
    @Transactional
    LivelihoodProject propose(Caller caller, String town, int year, String title, String description, String source,
                              String sponsorUnit, BigDecimal budget) {
        caller.requireAnyRole(STAFF);
        String townCode = jurisdictions.townForWrite(caller, town);
        LivelihoodProject p = LivelihoodProject.propose(UUID.randomUUID(), townCode, year, title, description, source,
                sponsorUnit, budget, caller.subject(), clock.instant());
        projects.save(p);
        return p;
    }

    /** 初选. */
    @Transactional
    LivelihoodProject shortlist(Caller caller, UUID id, boolean onTheBallot, String note) {
        LivelihoodProject p = projectForStaff(caller, id);
        p.shortlist(onTheBallot, note, caller.subject(), clock.instant());
        return p;
    }

    @Transactional
    LivelihoodProject start(Caller caller, UUID id, LocalDate on) {
        LivelihoodProject p = projectForStaff(caller, id);
        p.start(on, caller.subject(), clock.instant());
        return p;
    }

    /** Progress from the sponsor unit's handlers, or entered by the office. */
    @Transactional
    LivelihoodProject reportProgress(Caller caller, UUID id, int percent, String note) {
        LivelihoodProject p = project(caller, id);
        if (!caller.hasAnyRole(STAFF)) {
            caller.requireAnyRole(Roles.DEPARTMENT_HANDLER);
            if (!Objects.equals(caller.department(), p.sponsorUnit())) {
                throw new ForbiddenException("Only the sponsor unit " + p.sponsorUnit() + " reports this project's progress");
            }
        }
        p.reportProgress(percent, note, caller.subject(), clock.instant());
        return p;
    }

    /** 监督. */
    @Transactional
    LivelihoodProject recordVisit(Caller caller, UUID id, LocalDate on, Integer percent, String findings,
                                  List<String> participants) {
        LivelihoodProject p = projectForStaff(caller, id);
        p.recordVisit(on, percent, findings, participants, caller.subject(), clock.instant());
        return p;
    }

    @Transactional
    LivelihoodProject complete(Caller caller, UUID id, LocalDate on) {
        LivelihoodProject p = projectForStaff(caller, id);
        p.complete(on, caller.subject(), clock.instant());
        return p;
    }

    /** 评估. */
    @Transactional
    LivelihoodProject evaluate(Caller caller, UUID id, EvaluationGrade grade, Integer satisfaction, String summary) {
        LivelihoodProject p = projectForStaff(caller, id);
        p.evaluate(grade, satisfaction, summary, caller.subject(), clock.instant());
        return p;
    }

    @Transactional(readOnly = true)
    LivelihoodProject project(Caller caller, UUID id) {
        LivelihoodProject p = projects.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Livelihood project", id));
        p.transitions().size();
        p.visits().size();
        return p;
    }

    @Transactional(readOnly = true)
    List<LivelihoodProject> projects(Caller caller, String town, Integer year, ProjectStatus status) {
        return projects.search(jurisdictions.readScope(caller, town).codes(), year, status);
    }

    // ---- votes --------------------------------------------------------------------------------------------------

    /** Opens a vote at a session among shortlisted projects, if a quorum has checked in. */
    @Transactional
    ProjectVote openVote(Caller caller, UUID sessionId, String title, int seats, List<UUID> candidateIds) {
        caller.requireAnyRole(STAFF);
        SessionService.SessionView session;
        try {
            session = sessions.get(caller, sessionId);
        } catch (NotFoundException e) {
            throw new InvalidFieldException("sessionId", "no session " + sessionId + " you may hold a vote in");
        }
        Map<UUID, LivelihoodProject> found = projects.findByIdIn(candidateIds).stream()
                .collect(Collectors.toMap(LivelihoodProject::id, Function.identity()));
        for (UUID id : candidateIds) {
            LivelihoodProject p = found.get(id);
            if (p == null || !p.townCode().equals(session.town())) {
                throw new InvalidFieldException("candidateIds", "no project " + id + " in town " + session.town());
            }
            p.requireShortlisted();
        }
        SessionService.Attendance attendance = sessions.attendance(caller, sessionId);
        ProjectVote vote = ProjectVote.open(UUID.randomUUID(), session.town(), sessionId, session.name(), title, seats,
                candidateIds, attendance.seated(), attendance.present(),
                rules.quorate(attendance.present(), attendance.seated()), rules.majorityOf(), caller.subject(),
                clock.instant());
        votes.save(vote);
        return vote;
    }

    /**
     * One ballot per deputy present. A deputy votes as themselves; the office names the deputy. Refused once the vote
     * is counted, and for a second ballot of the same deputy, also when both arrive at the same moment.
     */
    @Transactional
    UUID cast(Caller caller, UUID voteId, UUID namedDeputy, List<UUID> choices) {
        UUID deputyId = voter(caller, namedDeputy);
        List<String> towns = jurisdictions.readScope(caller, null).codes();
        VoteStatus status = ballots.lockShared(voteId, towns).orElseThrow(() -> new NotFoundException("Livelihood vote", voteId));
        ProjectVote vote = votes.findByIdAndTownCodeIn(voteId, towns).orElseThrow();
        if (status != VoteStatus.OPEN) {
            vote.requireOpen();
        }
        List<UUID> ordered = vote.checkChoices(choices);
        if (!sessions.isPresent(vote.sessionId(), deputyId)) {
            throw new InvalidFieldException("deputyId", deputyId + " has not checked in to " + vote.sessionName());
        }
        return ballots.cast(voteId, deputyId, ordered, clock.instant());
    }

    /** Closes the vote and counts it, once; announces the result. */
    @Transactional
    ProjectVote tally(Caller caller, UUID voteId) {
        caller.requireAnyRole(STAFF);
        List<String> towns = jurisdictions.readScope(caller, null).codes();
        if (!ballots.lockExclusive(voteId, towns)) {
            throw new NotFoundException("Livelihood vote", voteId);
        }
        ProjectVote vote = votes.findByIdAndTownCodeIn(voteId, towns).orElseThrow();
        Instant now = clock.instant();
        Tally.Result result = vote.tally(ballots.ballots(voteId), now);
        Map<UUID, LivelihoodProject> candidates = projects.findByIdIn(vote.candidates()).stream()
                .collect(Collectors.toMap(LivelihoodProject::id, Function.identity()));
        for (Tally.Line line : result.lines()) {
            candidates.get(line.projectId()).voted(voteId, line.votes(), line.outcome(), caller.subject(), now);
        }
        outbox.append(CongressTopics.LIVELIHOOD_EVENTS, voteId.toString(), LivelihoodVoteTallied.TYPE,
                LivelihoodVoteTallied.of(vote.townCode(), voteId, vote.sessionId(), vote.sessionName(), vote.title(),
                        vote.seats(), vote.seated(), vote.present(), result.ballotsCast(), vote.majorityThreshold(),
                        result.lines().stream().map(l -> new LivelihoodVoteTallied.Result(l.projectId(),
                                candidates.get(l.projectId()).title(), l.votes(), l.rank(), l.outcome().name())).toList(),
                        result.digest(), now));
        return vote;
    }

    @Transactional(readOnly = true)
    VoteView vote(Caller caller, UUID voteId) {
        ProjectVote vote = votes.findByIdAndTownCodeIn(voteId, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Livelihood vote", voteId));
        Map<UUID, String> titles = projects.findByIdIn(vote.candidates()).stream()
                .collect(Collectors.toMap(LivelihoodProject::id, LivelihoodProject::title));
        return new VoteView(vote, titles, ballots.participants(voteId));
    }

    /** The anonymous ballots, once counted: anyone of the town can count them again. */
    @Transactional(readOnly = true)
    List<Tally.Ballot> ballots(Caller caller, UUID voteId) {
        ProjectVote vote = votes.findByIdAndTownCodeIn(voteId, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Livelihood vote", voteId));
        if (vote.status() != VoteStatus.TALLIED) {
            throw new LivelihoodRuleViolation("vote-open", vote.status(), "Ballots are shown once the vote is counted");
        }
        return ballots.ballots(voteId);
    }

    /** Counts the stored ballots again and says whether they give the published result. */
    @Transactional(readOnly = true)
    Recount recount(Caller caller, UUID voteId) {
        ProjectVote vote = votes.findByIdAndTownCodeIn(voteId, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Livelihood vote", voteId));
        if (vote.status() != VoteStatus.TALLIED) {
            throw new LivelihoodRuleViolation("vote-open", vote.status(), "A vote is recounted once it is counted");
        }
        Tally.Result again = Tally.count(vote.candidates(), vote.seats(), vote.majorityThreshold(), ballots.ballots(voteId));
        List<Tally.Line> published = vote.results().stream()
                .map(r -> new Tally.Line(r.projectId(), r.votes(), r.rank(), r.outcome())).toList();
        boolean matches = again.lines().equals(published) && again.digest().equals(vote.ballotDigest())
                && again.ballotsCast() == vote.ballotsCast();
        return new Recount(matches, again.ballotsCast(), again.digest(), again.lines());
    }

    record Recount(boolean matches, long ballotsCast, String ballotDigest, List<Tally.Line> lines) {
    }

    record VoteView(ProjectVote vote, Map<UUID, String> titles, long ballotsSoFar) {
    }

    // ---- internals ----------------------------------------------------------------------------------------------

    private UUID voter(Caller caller, UUID named) {
        if (caller.hasAnyRole(STAFF)) {
            if (named == null) {
                throw new InvalidFieldException("deputyId", "name the deputy whose ballot this is");
            }
            return named;
        }
        caller.requireAnyRole(DEPUTY);
        UUID self;
        try {
            self = UUID.fromString(caller.subject());
        } catch (IllegalArgumentException e) {
            throw new ForbiddenException("This sign-in is not a deputy's");
        }
        if (named != null && !named.equals(self)) {
            throw new ForbiddenException("A deputy casts only their own ballot");
        }
        return self;
    }

    private LivelihoodProject projectForStaff(Caller caller, UUID id) {
        caller.requireAnyRole(STAFF);
        return project(caller, id);
    }
}
