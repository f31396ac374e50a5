package org.zhenwu.congress.activity;

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
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.security.Caller;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** 履职活动: trainings, inspections, interviews and reception days, with attendance. */
@RestController
@RequestMapping("/api/congress/activities")
@Validated
class ActivityController {
    private final ActivityService activities;
    private final Clock clock;

    ActivityController(ActivityService activities, Clock clock) {
        this.activities = activities;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ActivityResponse plan(@Valid @RequestBody PlanActivityRequest r) {
        return ActivityResponse.of(activities.plan(Caller.current(), new ActivityService.NewActivity(r.town(), r.kind(),
                r.title().strip(), r.heldOn(), r.place() == null || r.place().isBlank() ? null : r.place().strip(),
                r.summary() == null || r.summary().isBlank() ? null : r.summary().strip(), orEmpty(r.deputyIds()),
                orEmpty(r.memberIds()))));
    }

    /** Who came (签到); only those invited. */
    @PostMapping("/{id}/attendance")
    ActivityResponse attendance(@PathVariable UUID id, @Valid @RequestBody AttendanceRequest r) {
        return ActivityResponse.of(activities.recordAttendance(Caller.current(), id, orEmpty(r.deputyIds()),
                orEmpty(r.memberIds())));
    }

    @GetMapping("/{id}")
    ActivityResponse get(@PathVariable UUID id) {
        return ActivityResponse.of(activities.get(Caller.current(), id));
    }

    /** A year's activities (default: this year). */
    @GetMapping
    List<ActivityResponse> list(@RequestParam(required = false) String town,
                                @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
                                @RequestParam(required = false) ActivityKind kind) {
        int y = year != null ? year : LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE)).getYear();
        return activities.list(Caller.current(), town, y, kind).stream().map(ActivityResponse::of).toList();
    }

    private static List<UUID> orEmpty(List<UUID> ids) {
        return ids == null ? List.of() : ids;
    }

    record PlanActivityRequest(@Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
                               @NotNull ActivityKind kind, @NotBlank @Size(max = 200) String title,
                               @NotNull LocalDate heldOn, @Size(max = 200) String place,
                               @Size(max = 5000) String summary,
                               @Size(max = 500) List<@NotNull UUID> deputyIds,
                               @Size(max = 500) List<@NotNull UUID> memberIds) {
    }

    record AttendanceRequest(@Size(max = 500) List<@NotNull UUID> deputyIds,
                             @Size(max = 500) List<@NotNull UUID> memberIds) {
    }

    record ParticipantResponse(String kind, UUID id, boolean attended) {
    }

    record ActivityResponse(UUID id, String town, ActivityKind kind, String title, LocalDate heldOn, String place,
                            String summary, int invited, int attended, List<ParticipantResponse> participants) {
        static ActivityResponse of(MemberActivity a) {
            List<ParticipantResponse> people = a.participants().stream()
                    .map(p -> new ParticipantResponse(p.personKind().name(), p.personId(), p.attended())).toList();
            return new ActivityResponse(a.id(), a.townCode(), a.kind(), a.title(), a.heldOn(), a.place(), a.summary(),
                    people.size(), (int) people.stream().filter(ParticipantResponse::attended).count(), people);
        }
    }
}
