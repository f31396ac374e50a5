package org.zhenwu.congress.session;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.congress.deputy.DeputyService;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.platform.web.NotFoundException;

/** Sessions of the congress with their attendance (报到), and the presidium's quarterly meetings. */
@Service
public class SessionService {
    private static final String[] STAFF = {Roles.CONGRESS_STAFF, Roles.DISTRICT_ADMIN};

    private final SessionRepository sessions;
    private final PresidiumMeetingRepository meetings;
    private final DeputyService deputies;
    private final Jurisdictions jurisdictions;
    private final JdbcClient jdbc;
    private final Clock clock;

    SessionService(SessionRepository sessions, PresidiumMeetingRepository meetings, DeputyService deputies,
                   Jurisdictions jurisdictions, JdbcClient jdbc, Clock clock) {
        this.sessions = sessions;
        this.meetings = meetings;
        this.deputies = deputies;
        this.jurisdictions = jurisdictions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A session as other features see it. */
    public record SessionView(UUID id, String town, UUID termId, int number, String name, String shortName,
                              LocalDate opensOn, LocalDate closesOn) {
        static SessionView of(CongressSession s) {
            return new SessionView(s.id(), s.townCode(), s.termId(), s.number(), s.name(), s.shortName(), s.opensOn(),
                    s.closesOn());
        }
    }

    /** Who attends: seated = the term's deputies (全体代表), present = those who checked in (报到). */
    public record Attendance(UUID sessionId, long seated, long present, List<UUID> presentDeputies) {
    }

    public record MeetingView(UUID id, String town, UUID termId, LocalDate heldOn, String quarter, String topics,
                              String decisions, List<UUID> attendees) {
        static MeetingView of(PresidiumMeeting m) {
            return new MeetingView(m.id(), m.townCode(), m.termId(), m.heldOn(), m.quarter(), m.topics(), m.decisions(),
                    m.attendees());
        }
    }

    @Transactional
    public SessionView convene(Caller caller, UUID termId, int number, LocalDate opensOn, LocalDate closesOn) {
        caller.requireAnyRole(STAFF);
        DeputyService.TermView term = termForWrite(caller, termId);
        CongressSession session = CongressSession.convene(UUID.randomUUID(), term.town(), term.id(), term.number(), number,
                opensOn, closesOn);
        try {
            sessions.saveAndFlush(session);
        } catch (DataIntegrityViolationException e) {
            throw new InvalidFieldException("number", session.name() + " already exists");
        }
        return SessionView.of(session);
    }

    @Transactional(readOnly = true)
    public SessionView get(Caller caller, UUID id) {
        return SessionView.of(find(caller, id));
    }

    @Transactional(readOnly = true)
    public List<SessionView> list(Caller caller, String town) {
        return sessions.findByTownCodeInOrderByOpensOnDescIdAsc(jurisdictions.readScope(caller, town).codes()).stream()
                .map(SessionView::of).toList();
    }

    /** 报到: deputies of the session's term check in; checking in twice changes nothing. */
    @Transactional
    public Attendance checkIn(Caller caller, UUID sessionId, List<UUID> deputyIds) {
        caller.requireAnyRole(STAFF);
        CongressSession session = find(caller, sessionId);
        Map<UUID, DeputyService.DeputyView> found = deputies.byIds(deputyIds);
        for (UUID id : deputyIds) {
            DeputyService.DeputyView d = found.get(id);
            if (d == null || !d.termId().equals(session.termId()) || !d.town().equals(session.townCode()) || !d.active()) {
                throw new InvalidFieldException("deputyIds", id + " is not a seated deputy of " + session.name());
            }
        }
        Instant now = clock.instant();
        for (UUID id : deputyIds) {
            jdbc.sql("INSERT IGNORE INTO session_attendance (session_id, deputy_id, checked_in_at, checked_in_by) VALUES (?, ?, ?, ?)")
                    .params(sessionId.toString(), id.toString(), Timestamp.from(now), caller.subject()).update();
        }
        return attendanceOf(session);
    }

    @Transactional(readOnly = true)
    public Attendance attendance(Caller caller, UUID sessionId) {
        return attendanceOf(find(caller, sessionId));
    }

    /** Whether the deputy checked in to the session. No access check: the caller has one. */
    @Transactional(readOnly = true)
    public boolean isPresent(UUID sessionId, UUID deputyId) {
        return jdbc.sql("SELECT COUNT(*) FROM session_attendance WHERE session_id = ? AND deputy_id = ?")
                .params(sessionId.toString(), deputyId.toString()).query(Long.class).single() > 0;
    }

    // ---- presidium --------------------------------------------------------------------------------------------

    @Transactional
    public MeetingView recordPresidiumMeeting(Caller caller, UUID termId, LocalDate heldOn, String topics, String decisions,
                                              List<UUID> attendees) {
        caller.requireAnyRole(STAFF);
        DeputyService.TermView term = termForWrite(caller, termId);
        if (heldOn.isAfter(LocalDate.now(clock.withZone(org.zhenwu.platform.calendar.WorkingDayCalendar.ZONE)))) {
            throw new InvalidFieldException("heldOn", "lies in the future");
        }
        Map<UUID, DeputyService.DeputyView> found = deputies.byIds(attendees);
        for (UUID id : attendees) {
            DeputyService.DeputyView d = found.get(id);
            if (d == null || !d.termId().equals(term.id()) || !d.presidiumMember()) {
                throw new InvalidFieldException("attendees", id + " is not a member of the presidium of " + term.name());
            }
        }
        PresidiumMeeting meeting = PresidiumMeeting.record(UUID.randomUUID(), term.town(), term.id(), heldOn, topics,
                decisions, attendees);
        meetings.save(meeting);
        return MeetingView.of(meeting);
    }

    @Transactional(readOnly = true)
    public List<MeetingView> presidiumMeetings(Caller caller, String town, int year) {
        return meetings.findByTownCodeInAndHeldOnBetweenOrderByHeldOnAscIdAsc(jurisdictions.readScope(caller, town).codes(),
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).stream().map(MeetingView::of).toList();
    }

    @Transactional(readOnly = true)
    public MeetingView presidiumMeeting(Caller caller, UUID id) {
        return meetings.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes()).map(MeetingView::of)
                .orElseThrow(() -> new NotFoundException("Presidium meeting", id));
    }

    // ---- internals ----------------------------------------------------------------------------------------------

    private DeputyService.TermView termForWrite(Caller caller, UUID termId) {
        try {
            return deputies.term(caller, termId);
        } catch (NotFoundException e) {
            throw new InvalidFieldException("termId", "no term " + termId + " you may write to");
        }
    }

    private CongressSession find(Caller caller, UUID id) {
        return sessions.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Session", id));
    }

    private Attendance attendanceOf(CongressSession session) {
        List<UUID> present = jdbc.sql("SELECT deputy_id FROM session_attendance WHERE session_id = ? ORDER BY deputy_id")
                .param(session.id().toString()).query(String.class).list().stream().map(UUID::fromString).toList();
        return new Attendance(session.id(), deputies.seatedIn(session.termId()), present.size(), present);
    }
}
