package org.zhenwu.congress.session;

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
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Sessions (会议) with attendance, and presidium meetings (主席团会议). */
@RestController
@RequestMapping("/api/congress")
@Validated
class SessionController {
    private final SessionService sessions;

    SessionController(SessionService sessions) {
        this.sessions = sessions;
    }

    @PostMapping("/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    SessionService.SessionView convene(@Valid @RequestBody ConveneSessionRequest r) {
        return sessions.convene(Caller.current(), r.termId(), r.number(), r.opensOn(), r.closesOn());
    }

    @GetMapping("/sessions")
    List<SessionService.SessionView> list(@RequestParam(required = false) String town) {
        return sessions.list(Caller.current(), town);
    }

    @GetMapping("/sessions/{id}")
    SessionService.SessionView get(@PathVariable UUID id) {
        return sessions.get(Caller.current(), id);
    }

    /** 报到. */
    @PostMapping("/sessions/{id}/attendance")
    SessionService.Attendance checkIn(@PathVariable UUID id, @Valid @RequestBody CheckInRequest r) {
        return sessions.checkIn(Caller.current(), id, r.deputyIds());
    }

    @GetMapping("/sessions/{id}/attendance")
    SessionService.Attendance attendance(@PathVariable UUID id) {
        return sessions.attendance(Caller.current(), id);
    }

    @PostMapping("/presidium-meetings")
    @ResponseStatus(HttpStatus.CREATED)
    SessionService.MeetingView recordMeeting(@Valid @RequestBody PresidiumMeetingRequest r) {
        return sessions.recordPresidiumMeeting(Caller.current(), r.termId(), r.heldOn(), r.topics().strip(),
                r.decisions() == null ? null : r.decisions().strip(), r.attendees());
    }

    @GetMapping("/presidium-meetings")
    List<SessionService.MeetingView> meetings(@RequestParam(required = false) String town,
                                              @RequestParam @Min(2000) @Max(2100) int year) {
        return sessions.presidiumMeetings(Caller.current(), town, year);
    }

    @GetMapping("/presidium-meetings/{id}")
    SessionService.MeetingView meeting(@PathVariable UUID id) {
        return sessions.presidiumMeeting(Caller.current(), id);
    }

    /** @param number 7 for 第七次会议 */
    record ConveneSessionRequest(@NotNull UUID termId, @Min(1) @Max(99) int number, @NotNull LocalDate opensOn,
                                 LocalDate closesOn) {
    }

    record CheckInRequest(@NotEmpty @Size(max = 5000) List<@NotNull UUID> deputyIds) {
    }

    record PresidiumMeetingRequest(@NotNull UUID termId, @NotNull LocalDate heldOn,
                                   @jakarta.validation.constraints.NotBlank @Size(max = 2000) String topics,
                                   @Size(max = 5000) String decisions, @NotEmpty @Size(max = 100) List<@NotNull UUID> attendees) {
    }
}
