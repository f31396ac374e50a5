package org.zhenwu.congress.station;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A citizen's opinion (民意) collected at a liaison station by a deputy on duty. */
@Entity
@Table(name = "public_opinion")
class PublicOpinion {
    @Id
    private UUID id;
    private String townCode;
    private UUID stationId;
    private UUID deputyId;
    private LocalDate collectedOn;
    private String citizenName;
    private String citizenContact;
    private String content;
    @Enumerated(EnumType.STRING)
    private OpinionStatus status;
    private String referredTo;
    private UUID suggestionId;
    private String reply;
    private Instant answeredAt;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "opinion_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<OpinionTransition> transitions = new ArrayList<>();

    protected PublicOpinion() {
        // for JPA
    }

    static PublicOpinion collect(UUID id, String townCode, UUID stationId, UUID deputyId, LocalDate collectedOn,
                                 String citizenName, String citizenContact, String content, String actor, Instant now) {
        if (collectedOn.isAfter(now.atZone(org.zhenwu.platform.calendar.WorkingDayCalendar.ZONE).toLocalDate())) {
            throw new InvalidFieldException("collectedOn", "lies in the future");
        }
        PublicOpinion o = new PublicOpinion();
        o.id = id;
        o.townCode = townCode;
        o.stationId = stationId;
        o.deputyId = deputyId;
        o.collectedOn = collectedOn;
        o.citizenName = citizenName;
        o.citizenContact = citizenContact;
        o.content = content;
        o.status = OpinionStatus.RECEIVED;
        o.transitions.add(new OpinionTransition(null, OpinionStatus.RECEIVED, actor, null, now));
        return o;
    }

    /** 转办 to the department that can act on it. */
    void refer(String department, String actor, Instant now) {
        moveTo(OpinionStatus.REFERRED, actor, "转 " + department, now);
        referredTo = department;
    }

    /** 转为代表建议: the suggestion was submitted in the same transaction. */
    void convert(UUID suggestion, String actor, Instant now) {
        moveTo(OpinionStatus.CONVERTED, actor, "转为代表建议 " + suggestion, now);
        suggestionId = suggestion;
    }

    /** 答复群众. */
    void answer(String text, String actor, Instant now) {
        moveTo(OpinionStatus.ANSWERED, actor, text, now);
        reply = text;
        answeredAt = now;
    }

    void requireMove(OpinionStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("Public opinion", id, status, next);
        }
    }

    private void moveTo(OpinionStatus next, String actor, String note, Instant now) {
        requireMove(next);
        transitions.add(new OpinionTransition(status, next, actor, note, now));
        status = next;
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    UUID stationId() { return stationId; }
    UUID deputyId() { return deputyId; }
    LocalDate collectedOn() { return collectedOn; }
    String citizenName() { return citizenName; }
    String citizenContact() { return citizenContact; }
    String content() { return content; }
    OpinionStatus status() { return status; }
    String referredTo() { return referredTo; }
    UUID suggestionId() { return suggestionId; }
    String reply() { return reply; }
    Instant answeredAt() { return answeredAt; }
    List<OpinionTransition> transitions() { return List.copyOf(transitions); }
}
