package org.zhenwu.document.meeting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.platform.web.NotFoundException;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/**
 * A meeting the office organises (办会): its type, title, host (主持人), ordered agenda (议程), attendees, time window
 * and room (or another place). Planned, notified, held with sign-in, and minuted: the minutes (纪要) are an outgoing
 * document drafted in the 发文 feature, and each decision (议定事项) becomes a supervision task (督办). The service
 * checks the room is free before any booking or reschedule; this class keeps the order of things.
 */
@Entity
@Table(name = "meeting")
class Meeting {
    static final String SEPARATOR = "、";

    @Id
    private UUID id;
    private String townCode;
    @Enumerated(EnumType.STRING)
    private MeetingType meetingType;
    private String title;
    private String host;
    private UUID roomId;
    private String place;
    private Instant startsAt;
    private Instant endsAt;
    @Enumerated(EnumType.STRING)
    private MeetingStatus status;
    private String notice;
    private Instant notifiedAt;
    private Instant heldAt;
    private UUID minutesDocumentId;
    private Instant minutedAt;
    private String cancelReason;
    private Instant cancelledAt;
    private boolean transportNeeded;
    private String pickupPlace;
    private String transportDestination;
    private String passengers;
    private Integer passengerCount;
    private String transportContact;
    private String transportPhone;
    private String createdBy;
    private Instant createdAt;
    private String sourceId;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "meeting_agenda_item", joinColumns = @JoinColumn(name = "meeting_id"))
    @OrderColumn(name = "position")
    @Column(name = "item")
    private List<String> agenda = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "meeting_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<MeetingAttendee> attendees = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "meeting_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<MeetingDecision> decisions = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "meeting_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<MeetingTransition> transitions = new ArrayList<>();

    @Transient
    private final List<MeetingEvent> pendingEvents = new ArrayList<>();

    protected Meeting() {
        // for JPA
    }

    /** What the office plans. {@code roomId} or {@code place} (a site, a video link); transport may be null. */
    record Plan(MeetingType type, String title, String host, List<String> agenda, List<Attendee> attendees,
                Window window, UUID roomId, String place, Transport transport) {
    }

    /** [startsAt, endsAt). */
    record Window(Instant startsAt, Instant endsAt) {
        Window {
            if (startsAt == null) {
                throw new InvalidFieldException("startsAt", "is required");
            }
            if (endsAt == null || !endsAt.isAfter(startsAt)) {
                throw new InvalidFieldException("endsAt", "must be after startsAt");
            }
        }
    }

    record Attendee(String name, String unit) {
    }

    /** 会议用车: pick-up place, destination (default: the meeting's place), passengers and whom the driver calls. */
    record Transport(String pickupPlace, String destination, List<String> passengers, int passengerCount,
                     String contactName, String contactPhone) {
        Transport {
            passengers = passengers == null ? List.of() : List.copyOf(passengers);
            if (passengers.size() > passengerCount) {
                throw new InvalidFieldException("transport.passengerCount", "is less than the passengers named");
            }
        }
    }

    /** A decision of the minutes and the supervision task opened for it. */
    record Decision(String content, String ownerDepartment, UUID taskId) {
    }

    static Meeting schedule(UUID id, String townCode, Plan plan, String by, Instant now) {
        if (plan.roomId() == null && (plan.place() == null || plan.place().isBlank())) {
            throw new InvalidFieldException("roomId", "a meeting has a room, or a place outside the rooms");
        }
        Meeting m = new Meeting();
        m.id = id;
        m.townCode = townCode;
        m.meetingType = plan.type();
        m.title = plan.title();
        m.host = plan.host();
        m.agenda.addAll(plan.agenda() == null ? List.of() : plan.agenda());
        if (plan.attendees() != null) {
            plan.attendees().forEach(a -> m.attendees.add(new MeetingAttendee(a.name(), a.unit())));
        }
        m.setWhenAndWhere(plan.window(), plan.roomId(), plan.place());
        m.createdBy = by;
        m.createdAt = now;
        m.status = MeetingStatus.PLANNED;
        m.transitions.add(new MeetingTransition(null, MeetingStatus.PLANNED, "拟定", by, m.describeWhen(), now));
        Transport t = plan.transport();
        if (t != null) {
            m.transportNeeded = true;
            m.pickupPlace = t.pickupPlace();
            m.transportDestination = t.destination();
            m.passengers = t.passengers().isEmpty() ? null : String.join(SEPARATOR, t.passengers());
            m.passengerCount = t.passengerCount();
            m.transportContact = t.contactName();
            m.transportPhone = t.contactPhone();
            m.pendingEvents.add(new MeetingEvent.TransportRequested(id, now));
        }
        return m;
    }

    /** A meeting held in an earlier system (historical import), keyed by its source id there. */
    static Meeting imported(UUID id, String townCode, String sourceId, Plan plan, String by, Instant now) {
        Meeting m = schedule(id, townCode, plan, by, now);
        m.sourceId = sourceId;
        m.pendingEvents.clear();
        return m;
    }

    /**
     * 改期 / 换会场. A notified meeting goes back to planned (a new notice is due); transport, if any, is asked for
     * the new time. The service has checked the room.
     */
    void reschedule(Window window, UUID newRoomId, String newPlace, String reason, String by, Instant now) {
        if (!status.upcoming()) {
            throw new IllegalTransitionException("Meeting", id, status.name(), null,
                    "A " + status + " meeting is not rescheduled");
        }
        if (newRoomId == null && (newPlace == null || newPlace.isBlank())) {
            throw new InvalidFieldException("roomId", "a meeting has a room, or a place outside the rooms");
        }
        setWhenAndWhere(window, newRoomId, newPlace);
        String note = describeWhen() + (reason == null ? "" : "; " + reason);
        if (status == MeetingStatus.NOTIFIED) {
            moveTo(MeetingStatus.PLANNED, "改期", by, note, now);
        } else {
            audit("改期", by, note, now);
        }
        if (transportNeeded) {
            pendingEvents.add(new MeetingEvent.TransportRequested(id, now));
        }
    }

    /** 发会议通知 to the attendees. */
    void notifyAttendees(String text, String by, Instant now) {
        moveTo(MeetingStatus.NOTIFIED, "发通知", by, text, now);
        notice = text;
        notifiedAt = now;
    }

    /** 召开: the meeting opens; sign-in (签到) starts. */
    void hold(String by, Instant now) {
        moveTo(MeetingStatus.HELD, "召开", by, null, now);
        heldAt = now;
    }

    /** 签到, once per attendee, while the meeting is held; not for someone on leave. */
    void signIn(long attendeeId, String by, Instant now) {
        if (status != MeetingStatus.HELD) {
            throw new IllegalTransitionException("Meeting", id, status.name(), null,
                    "Attendees sign in while the meeting is held; meeting " + id + " is " + status);
        }
        MeetingAttendee a = attendee(attendeeId);
        if (a.signedIn()) {
            throw new MeetingRuleViolation("already-signed-in", a.name() + " signed in at " + a.signedInAt());
        }
        if (a.onLeave()) {
            throw new MeetingRuleViolation("on-leave", a.name() + " is on leave (请假) for this meeting");
        }
        a.signIn(by, now);
        audit("签到", by, a.name(), now);
    }

    /** 请假: before or during the meeting, for someone who has not signed in. */
    void excuse(long attendeeId, String reason, String by, Instant now) {
        if (!status.upcoming() && status != MeetingStatus.HELD) {
            throw new IllegalTransitionException("Meeting", id, status.name(), null,
                    "Leave is recorded before or during the meeting; meeting " + id + " is " + status);
        }
        MeetingAttendee a = attendee(attendeeId);
        if (a.signedIn()) {
            throw new MeetingRuleViolation("already-signed-in", a.name() + " has signed in; no leave afterwards");
        }
        a.excuse(reason);
        audit("请假", by, a.name() + ": " + reason, now);
    }

    /** 纪要: the minutes document was drafted and each decision is under supervision. */
    void minute(UUID documentId, List<Decision> made, String by, Instant now) {
        moveTo(MeetingStatus.MINUTED, "纪要", by, made.size() + " 项议定事项", now);
        minutesDocumentId = documentId;
        minutedAt = now;
        made.forEach(d -> decisions.add(new MeetingDecision(d.content(), d.ownerDepartment(), d.taskId())));
    }

    /** 取消, which frees the room. */
    void cancel(String reason, String by, Instant now) {
        moveTo(MeetingStatus.CANCELLED, "取消", by, reason, now);
        cancelReason = reason;
        cancelledAt = now;
        pendingEvents.add(new MeetingEvent.Cancelled(id, reason, now));
    }

    void requireCanMoveTo(MeetingStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("Meeting", id, status, next);
        }
    }

    List<MeetingEvent> pullEvents() {
        List<MeetingEvent> events = List.copyOf(pendingEvents);
        pendingEvents.clear();
        return events;
    }

    private MeetingAttendee attendee(long attendeeId) {
        return attendees.stream().filter(a -> a.id() != null && a.id() == attendeeId).findFirst()
                .orElseThrow(() -> new NotFoundException("Attendee", attendeeId));
    }

    private void setWhenAndWhere(Window window, UUID newRoomId, String newPlace) {
        startsAt = window.startsAt();
        endsAt = window.endsAt();
        roomId = newRoomId;
        place = newPlace == null || newPlace.isBlank() ? null : newPlace.strip();
    }

    private String describeWhen() {
        return startsAt + " – " + endsAt + (place == null ? "" : ", " + place);
    }

    private void moveTo(MeetingStatus next, String action, String actor, String note, Instant now) {
        requireCanMoveTo(next);
        transitions.add(new MeetingTransition(status, next, action, actor, note, now));
        status = next;
    }

    private void audit(String action, String actor, String note, Instant now) {
        transitions.add(new MeetingTransition(status, status, action, actor, note, now));
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    MeetingType meetingType() { return meetingType; }
    String title() { return title; }
    String host() { return host; }
    UUID roomId() { return roomId; }
    String place() { return place; }
    Instant startsAt() { return startsAt; }
    Instant endsAt() { return endsAt; }
    MeetingStatus status() { return status; }
    String notice() { return notice; }
    Instant notifiedAt() { return notifiedAt; }
    Instant heldAt() { return heldAt; }
    UUID minutesDocumentId() { return minutesDocumentId; }
    String cancelReason() { return cancelReason; }
    boolean transportNeeded() { return transportNeeded; }
    String pickupPlace() { return pickupPlace; }
    String transportDestination() { return transportDestination; }
    List<String> passengerList() { return passengers == null ? List.of() : List.of(passengers.split(SEPARATOR)); }
    Integer passengerCount() { return passengerCount; }
    String transportContact() { return transportContact; }
    String transportPhone() { return transportPhone; }
    String createdBy() { return createdBy; }
    Instant createdAt() { return createdAt; }
    List<String> agenda() { return agenda; }
    List<MeetingAttendee> attendees() { return attendees; }
    List<MeetingDecision> decisions() { return decisions; }
    List<MeetingTransition> transitions() { return transitions; }
}
