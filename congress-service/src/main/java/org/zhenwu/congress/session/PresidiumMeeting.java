package org.zhenwu.congress.session;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.BatchSize;
import org.zhenwu.platform.web.InvalidFieldException;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A meeting of the presidium (主席团会议), held each quarter between sessions, with who attended and what it decided. */
@Entity
@Table(name = "presidium_meeting")
class PresidiumMeeting {
    @Id
    private UUID id;
    private String townCode;
    private UUID termId;
    private LocalDate heldOn;
    private String topics;
    private String decisions;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "presidium_attendee", joinColumns = @JoinColumn(name = "meeting_id"))
    @OrderColumn(name = "list_index")
    @Column(name = "deputy_id")
    @BatchSize(size = 100)
    private List<UUID> attendees = new ArrayList<>();
    @Version
    private long version;

    protected PresidiumMeeting() {
        // for JPA
    }

    static PresidiumMeeting record(UUID id, String townCode, UUID termId, LocalDate heldOn, String topics,
                                   String decisions, List<UUID> attendees) {
        if (new HashSet<>(attendees).size() != attendees.size()) {
            throw new InvalidFieldException("attendees", "names a deputy more than once");
        }
        PresidiumMeeting m = new PresidiumMeeting();
        m.id = id;
        m.townCode = townCode;
        m.termId = termId;
        m.heldOn = heldOn;
        m.topics = topics;
        m.decisions = decisions;
        m.attendees.addAll(attendees);
        return m;
    }

    /** 2019年第一季度. */
    String quarter() {
        return heldOn.getYear() + "年第" + "一二三四".charAt((heldOn.getMonthValue() - 1) / 3) + "季度";
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    UUID termId() { return termId; }
    LocalDate heldOn() { return heldOn; }
    String topics() { return topics; }
    String decisions() { return decisions; }
    List<UUID> attendees() { return List.copyOf(attendees); }
}
