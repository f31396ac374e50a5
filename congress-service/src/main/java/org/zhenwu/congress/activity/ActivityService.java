package org.zhenwu.congress.activity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.congress.deputy.DeputyService;
import org.zhenwu.congress.member.MemberService;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.platform.web.NotFoundException;

/** Deputies' and CPPCC members' activities between sessions (履职活动) with attendance. */
@Service
public class ActivityService {
    private static final String[] STAFF = {Roles.CONGRESS_STAFF, Roles.DISTRICT_ADMIN};

    private final MemberActivityRepository activities;
    private final DeputyService deputies;
    private final MemberService members;
    private final Jurisdictions jurisdictions;
    private final Clock clock;

    ActivityService(MemberActivityRepository activities, DeputyService deputies, MemberService members,
                    Jurisdictions jurisdictions, Clock clock) {
        this.activities = activities;
        this.deputies = deputies;
        this.members = members;
        this.jurisdictions = jurisdictions;
        this.clock = clock;
    }

    record NewActivity(String town, ActivityKind kind, String title, LocalDate heldOn, String place, String summary,
                       List<UUID> deputyIds, List<UUID> memberIds) {
    }

    /** Invites serving deputies and members of the town. */
    @Transactional
    MemberActivity plan(Caller caller, NewActivity n) {
        caller.requireAnyRole(STAFF);
        String town = jurisdictions.townForWrite(caller, n.town());
        Map<UUID, DeputyService.DeputyView> foundDeputies = deputies.byIds(n.deputyIds());
        for (UUID id : n.deputyIds()) {
            DeputyService.DeputyView d = foundDeputies.get(id);
            if (d == null || !d.town().equals(town) || !d.active()) {
                throw new InvalidFieldException("deputyIds", id + " is not a seated deputy of town " + town);
            }
        }
        Map<UUID, MemberService.MemberView> foundMembers = members.byIds(n.memberIds());
        for (UUID id : n.memberIds()) {
            MemberService.MemberView m = foundMembers.get(id);
            if (m == null || !m.town().equals(town) || !m.active()) {
                throw new InvalidFieldException("memberIds", id + " is not a serving CPPCC member of town " + town);
            }
        }
        MemberActivity activity = MemberActivity.plan(UUID.randomUUID(), town, n.kind(), n.title(), n.heldOn(),
                n.place(), n.summary(), n.deputyIds(), n.memberIds(), caller.subject());
        activities.save(activity);
        return activity;
    }

    @Transactional
    MemberActivity recordAttendance(Caller caller, UUID id, List<UUID> deputyIds, List<UUID> memberIds) {
        caller.requireAnyRole(STAFF);
        MemberActivity activity = get(caller, id);
        activity.recordAttendance(deputyIds, memberIds, LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE)));
        return activity;
    }

    @Transactional(readOnly = true)
    MemberActivity get(Caller caller, UUID id) {
        return activities.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Activity", id));
    }

    @Transactional(readOnly = true)
    List<MemberActivity> list(Caller caller, String town, int year, ActivityKind kind) {
        return activities.search(jurisdictions.readScope(caller, town).codes(), LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31), kind);
    }
}
