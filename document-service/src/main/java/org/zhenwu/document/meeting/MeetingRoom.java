package org.zhenwu.document.meeting;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A town's meeting room (会议室). Its row is the lock that keeps two bookings of one slot apart. */
@Entity
@Table(name = "meeting_room")
class MeetingRoom {
    @Id
    private UUID id;
    private String townCode;
    private String name;
    private int seats;
    private String location;
    private String createdBy;
    private Instant createdAt;
    @Version
    private long version;

    protected MeetingRoom() {
        // for JPA
    }

    MeetingRoom(UUID id, String townCode, String name, int seats, String location, String by, Instant now) {
        this.id = id;
        this.townCode = townCode;
        this.name = name;
        this.seats = seats;
        this.location = location;
        this.createdBy = by;
        this.createdAt = now;
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    String name() { return name; }
    int seats() { return seats; }
    String location() { return location; }
}
