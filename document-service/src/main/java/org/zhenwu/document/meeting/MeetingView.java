package org.zhenwu.document.meeting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A meeting as the feature hands it out. {@code attendance}: invited, signed in (签到), on leave (请假) and absent
 * (neither; counted once the meeting is held). {@code minutesDocumentId}: the 纪要 draft in the 发文 feature.
 */
public record MeetingView(UUID id, String town, MeetingType type, String typeLabel, String title, String host,
                          List<String> agenda, UUID roomId, String place, Instant startsAt, Instant endsAt,
                          MeetingStatus status, String notice, Instant notifiedAt, Instant heldAt,
                          UUID minutesDocumentId, String cancelReason, TransportLine transport,
                          List<AttendeeLine> attendees, Attendance attendance, List<DecisionLine> decisions,
                          String createdBy, Instant createdAt, List<Transition> transitions) {

    public record AttendeeLine(long id, String name, String unit, Instant signedInAt, boolean onLeave,
                               String leaveReason) {
    }

    public record Attendance(int invited, int signedIn, int onLeave, int absent) {
    }

    public record DecisionLine(String content, String ownerDepartment, UUID supervisionTaskId) {
    }

    public record TransportLine(String pickupPlace, String destination, List<String> passengers, Integer passengerCount,
                                String contactName, String contactPhone) {
    }

    public record Transition(MeetingStatus from, MeetingStatus to, String action, String actor, String note,
                             Instant at) {
    }

    /** A meeting room (会议室). */
    public record Room(UUID id, String town, String name, int seats, String location) {
        static Room of(MeetingRoom r) {
            return new Room(r.id(), r.townCode(), r.name(), r.seats(), r.location());
        }
    }

    /** A line of a list: no attendees, decisions or trail. */
    public record Summary(UUID id, String town, MeetingType type, String title, String host, UUID roomId, String place,
                          Instant startsAt, Instant endsAt, MeetingStatus status) {
        static Summary of(Meeting m) {
            return new Summary(m.id(), m.townCode(), m.meetingType(), m.title(), m.host(), m.roomId(), m.place(),
                    m.startsAt(), m.endsAt(), m.status());
        }
    }

    static MeetingView of(Meeting m) {
        List<AttendeeLine> people = m.attendees().stream().map(a -> new AttendeeLine(a.id() == null ? 0 : a.id(),
                a.name(), a.unit(), a.signedInAt(), a.onLeave(), a.leaveReason())).toList();
        int signedIn = (int) people.stream().filter(a -> a.signedInAt() != null).count();
        int onLeave = (int) people.stream().filter(AttendeeLine::onLeave).count();
        boolean held = m.status() == MeetingStatus.HELD || m.status() == MeetingStatus.MINUTED;
        Attendance attendance = new Attendance(people.size(), signedIn, onLeave,
                held ? people.size() - signedIn - onLeave : 0);
        TransportLine transport = m.transportNeeded() ? new TransportLine(m.pickupPlace(), m.transportDestination(),
                m.passengerList(), m.passengerCount(), m.transportContact(), m.transportPhone()) : null;
        return new MeetingView(m.id(), m.townCode(), m.meetingType(), m.meetingType().label(), m.title(), m.host(),
                List.copyOf(m.agenda()), m.roomId(), m.place(), m.startsAt(), m.endsAt(), m.status(), m.notice(),
                m.notifiedAt(), m.heldAt(), m.minutesDocumentId(), m.cancelReason(), transport, people, attendance,
                m.decisions().stream().map(d -> new DecisionLine(d.content(), d.ownerDepartment(), d.taskId()))
                        .toList(),
                m.createdBy(), m.createdAt(), m.transitions().stream().map(t -> new Transition(t.fromStatus(),
                        t.toStatus(), t.action(), t.actor(), t.note(), t.at())).toList());
    }
}
