package org.zhenwu.document.meeting;

import java.time.Clock;
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
import org.zhenwu.document.importing.DocumentImports;
import org.zhenwu.document.importing.ImportResult;
import org.zhenwu.document.supervision.SupervisionService;
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

/** 办会 over HTTP: rooms, meetings from planning to minutes, historical import and the year's figures. */
@RestController
@RequestMapping("/api/documents/meetings")
@Validated
class MeetingController {
    private final MeetingService meetings;
    private final MeetingFigures figures;
    private final Clock clock;

    MeetingController(MeetingService meetings, MeetingFigures figures, Clock clock) {
        this.meetings = meetings;
        this.figures = figures;
        this.clock = clock;
    }

    @PostMapping("/rooms")
    @ResponseStatus(HttpStatus.CREATED)
    MeetingView.Room addRoom(@Valid @RequestBody RoomRequest r) {
        return meetings.addRoom(Caller.current(), r.town(), r.name().strip(), r.seats(), r.location());
    }

    @GetMapping("/rooms")
    List<MeetingView.Room> rooms(@RequestParam(required = false) String town) {
        return meetings.rooms(Caller.current(), town);
    }

    /** 拟定: books the room; a slot already booked is a 409 naming the conflicting meetings. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    MeetingView schedule(@Valid @RequestBody ScheduleRequest r) {
        TransportRequest t = r.transport();
        return meetings.schedule(Caller.current(), r.town(), new Meeting.Plan(r.type(), r.title().strip(),
                r.host().strip(), r.agenda() == null ? List.of() : r.agenda().stream().map(String::strip).toList(),
                r.attendees() == null ? List.of() : r.attendees().stream()
                        .map(a -> new Meeting.Attendee(a.name().strip(), a.unit())).toList(),
                new Meeting.Window(r.startsAt(), r.endsAt()), r.roomId(), r.place(),
                t == null ? null : new Meeting.Transport(t.pickupPlace().strip(), t.destination(), t.passengers(),
                        t.passengerCount(), t.contactName().strip(), t.contactPhone())));
    }

    @GetMapping
    PageResponse list(@RequestParam(required = false) String town, @RequestParam(required = false) MeetingStatus status,
                      @RequestParam(defaultValue = "0") @Min(0) int page,
                      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        var result = meetings.list(Caller.current(), town, status, page, size);
        return new PageResponse(result.getContent(), page, size, result.getTotalElements());
    }

    @GetMapping("/{id}")
    MeetingView get(@PathVariable UUID id) {
        return meetings.get(Caller.current(), id);
    }

    /** 改期 / 换会场: the room is checked again. */
    @PostMapping("/{id}/rescheduling")
    MeetingView reschedule(@PathVariable UUID id, @Valid @RequestBody RescheduleRequest r) {
        return meetings.reschedule(Caller.current(), id, new Meeting.Window(r.startsAt(), r.endsAt()), r.roomId(),
                r.place(), r.reason());
    }

    /** 会议通知 sent to the attendees. */
    @PostMapping("/{id}/notice")
    MeetingView notice(@PathVariable UUID id, @Valid @RequestBody NoticeRequest r) {
        return meetings.notifyAttendees(Caller.current(), id, r.notice().strip());
    }

    /** 召开: the meeting opens and sign-in starts. */
    @PostMapping("/{id}/holding")
    MeetingView hold(@PathVariable UUID id) {
        return meetings.hold(Caller.current(), id);
    }

    @PostMapping("/{id}/attendees/{attendeeId}/sign-in")
    MeetingView signIn(@PathVariable UUID id, @PathVariable long attendeeId) {
        return meetings.signIn(Caller.current(), id, attendeeId);
    }

    @PostMapping("/{id}/attendees/{attendeeId}/leave")
    MeetingView leave(@PathVariable UUID id, @PathVariable long attendeeId, @Valid @RequestBody ReasonRequest r) {
        return meetings.excuse(Caller.current(), id, attendeeId, r.reason().strip());
    }

    /** 纪要: a 纪要 draft in 发文 and one 督办 task per decision. */
    @PostMapping("/{id}/minutes")
    MeetingView minutes(@PathVariable UUID id, @Valid @RequestBody MinutesRequest r) {
        return meetings.recordMinutes(Caller.current(), id, new MeetingService.Minutes(r.text().strip(), r.issuerName(),
                r.issuerCode(), r.decisions() == null ? List.of() : r.decisions().stream()
                .map(d -> new SupervisionService.NewTask(d.content().strip(), null, d.ownerDepartment().strip(),
                        d.coDepartments(), d.deadline(), d.deadlineWorkingDays())).toList()));
    }

    @PostMapping("/{id}/cancellation")
    MeetingView cancel(@PathVariable UUID id, @Valid @RequestBody ReasonRequest r) {
        return meetings.cancel(Caller.current(), id, r.reason().strip());
    }

    @PostMapping(path = "/imports", consumes = "text/csv")
    @ResponseStatus(HttpStatus.CREATED)
    ImportResult importCsv(@RequestParam(required = false) String town, @RequestBody String body) {
        return meetings.importHistory(Caller.current(), town, ImportFile.csv(body, DocumentImports.MAX_ROWS));
    }

    /** The year's totals of meetings and research visits, per figure key, with breakdowns (default: this year). */
    @GetMapping("/stats")
    MeetingFigures.YearStats stats(@RequestParam(required = false) String town,
                                   @RequestParam(required = false) @Min(1900) @Max(2199) Integer year) {
        return figures.stats(Caller.current(), town,
                year != null ? year : LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE)).getYear());
    }

    record RoomRequest(@Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
                       @NotBlank @Size(max = 100) String name, @Min(1) @Max(5000) int seats,
                       @Size(max = 200) String location) {
    }

    record AttendeeRequest(@NotBlank @Size(max = 100) String name, @Size(max = 200) String unit) {
    }

    record TransportRequest(@NotBlank @Size(max = 200) String pickupPlace, @Size(max = 200) String destination,
                            @Size(max = 20) List<@NotBlank @Size(max = 40) String> passengers,
                            @Min(1) @Max(60) int passengerCount, @NotBlank @Size(max = 100) String contactName,
                            @Size(max = 40) String contactPhone) {
    }

    record ScheduleRequest(@Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
                           @NotNull MeetingType type, @NotBlank @Size(max = 300) String title,
                           @NotBlank @Size(max = 100) String host,
                           @Size(max = 50) List<@NotBlank @Size(max = 500) String> agenda,
                           @Size(max = 500) List<@Valid @NotNull AttendeeRequest> attendees,
                           @NotNull Instant startsAt, @NotNull Instant endsAt, UUID roomId,
                           @Size(max = 200) String place, @Valid TransportRequest transport) {
    }

    record RescheduleRequest(@NotNull Instant startsAt, @NotNull Instant endsAt, UUID roomId,
                             @Size(max = 200) String place, @Size(max = 2000) String reason) {
    }

    record NoticeRequest(@NotBlank @Size(max = 2000) String notice) {
    }

    record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    record DecisionRequest(@NotBlank @Size(max = 1000) String content,
                           @NotBlank @Size(max = 100) String ownerDepartment,
                           @Size(max = 20) List<@NotBlank @Size(max = 100) String> coDepartments, LocalDate deadline,
                           @Min(0) @Max(250) Integer deadlineWorkingDays) {
    }

    record MinutesRequest(@NotBlank @Size(max = 100_000) String text, @Size(max = 200) String issuerName,
                          @Size(max = 40) String issuerCode,
                          @Size(max = 50) List<@Valid @NotNull DecisionRequest> decisions) {
    }

    record PageResponse(List<MeetingView.Summary> items, int page, int size, long total) {
    }
}
