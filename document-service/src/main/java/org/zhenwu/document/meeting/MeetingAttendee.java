package org.zhenwu.document.meeting;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Someone invited to a meeting (参会人员): signs in once (签到), or is excused (请假). Part of {@link Meeting}. */
@Entity
@Table(name = "meeting_attendee")
class MeetingAttendee {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private String unit;
    private Instant signedInAt;
    private String signedInBy;
    private boolean onLeave;
    private String leaveReason;

    protected MeetingAttendee() {
        // for JPA
    }

    MeetingAttendee(String name, String unit) {
        this.name = name;
        this.unit = unit;
    }

    void signIn(String by, Instant at) {
        signedInAt = at;
        signedInBy = by;
    }

    void excuse(String reason) {
        onLeave = true;
        leaveReason = reason;
    }

    Long id() { return id; }
    String name() { return name; }
    String unit() { return unit; }
    Instant signedInAt() { return signedInAt; }
    boolean signedIn() { return signedInAt != null; }
    boolean onLeave() { return onLeave; }
    String leaveReason() { return leaveReason; }
}
