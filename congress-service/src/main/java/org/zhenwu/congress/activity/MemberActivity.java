package org.zhenwu.congress.activity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.BatchSize;
import org.zhenwu.platform.web.InvalidFieldException;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A training, inspection (视察), interview or reception day organised by the congress office for deputies and/or
 * CPPCC members, with who was invited and who came (attendance).
 */
@Entity
@Table(name = "member_activity")
class MemberActivity {
    @Id
    private UUID id;
    private String townCode;
    @Enumerated(EnumType.STRING)
    private ActivityKind kind;
    private String title;
    private LocalDate heldOn;
    private String place;
    private String summary;
    private String createdBy;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "member_activity_participant", joinColumns = @JoinColumn(name = "activity_id"))
    @OrderColumn(name = "list_index")
    @BatchSize(size = 100)
    private List<Participant> participants = new ArrayList<>();
    @Version
    private long version;

    protected MemberActivity() {
        // for JPA
    }

    static MemberActivity plan(UUID id, String townCode, ActivityKind kind, String title, LocalDate heldOn,
                               String place, String summary, List<UUID> deputies, List<UUID> members, String actor) {
        if (deputies.isEmpty() && members.isEmpty()) {
            throw new InvalidFieldException("deputyIds", "invite at least one deputy or member");
        }
        if (new HashSet<>(deputies).size() != deputies.size()) {
            throw new InvalidFieldException("deputyIds", "names a deputy more than once");
        }
        if (new HashSet<>(members).size() != members.size()) {
            throw new InvalidFieldException("memberIds", "names a member more than once");
        }
        MemberActivity a = new MemberActivity();
        a.id = id;
        a.townCode = townCode;
        a.kind = kind;
        a.title = title;
        a.heldOn = heldOn;
        a.place = place;
        a.summary = summary;
        a.createdBy = actor;
        deputies.forEach(d -> a.participants.add(new Participant(Participant.PersonKind.DEPUTY, d)));
        members.forEach(m -> a.participants.add(new Participant(Participant.PersonKind.MEMBER, m)));
        return a;
    }

    /**
     * Marks who came; only those invited, and only once the day has come. Marking someone twice changes nothing.
     *
     * @return how many were newly marked present
     */
    int recordAttendance(List<UUID> deputies, List<UUID> members, LocalDate today) {
        if (heldOn.isAfter(today)) {
            throw new InvalidFieldException("heldOn", "the activity on " + heldOn + " has not taken place yet");
        }
        int marked = 0;
        marked += mark(Participant.PersonKind.DEPUTY, deputies, "deputyIds");
        marked += mark(Participant.PersonKind.MEMBER, members, "memberIds");
        return marked;
    }

    private int mark(Participant.PersonKind kind, List<UUID> ids, String field) {
        int marked = 0;
        for (UUID id : ids) {
            Participant p = participants.stream().filter(x -> x.personKind() == kind && x.personId().equals(id))
                    .findFirst().orElseThrow(() -> new InvalidFieldException(field, id + " was not invited"));
            marked += p.attend() ? 1 : 0;
        }
        return marked;
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    ActivityKind kind() { return kind; }
    String title() { return title; }
    LocalDate heldOn() { return heldOn; }
    String place() { return place; }
    String summary() { return summary; }
    List<Participant> participants() { return List.copyOf(participants); }
}
