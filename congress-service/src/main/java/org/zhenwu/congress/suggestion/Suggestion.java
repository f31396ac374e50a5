package org.zhenwu.congress.suggestion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.IntSupplier;

import org.hibernate.annotations.BatchSize;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;

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
 * A deputies' suggestion (代表建议) to a town's people's congress: the aggregate root. Several deputies may
 * submit one jointly; the first named leads (领衔). Its status changes only through {@link #moveTo}.
 */
@Entity
@Table(name = "suggestion")
class Suggestion {
    @Id
    private UUID id;
    private String townCode;
    private String session;
    private String title;
    private String content;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "suggestion_deputy", joinColumns = @JoinColumn(name = "suggestion_id"))
    @OrderColumn(name = "list_index")
    @Column(name = "deputy_name")
    @BatchSize(size = 100)
    private List<String> deputies = new ArrayList<>();
    private Instant submittedAt;
    @Enumerated(EnumType.STRING)
    private SuggestionStatus status;
    private Integer registrationNumber;
    private Instant registeredAt;
    private String leadUnit;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "suggestion_co_unit", joinColumns = @JoinColumn(name = "suggestion_id"))
    @OrderColumn(name = "list_index")
    @Column(name = "unit")
    @BatchSize(size = 100)
    private List<String> coUnits = new ArrayList<>();
    private Instant assignedAt;
    private LocalDate replyDue;
    private String createdBy;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY, orphanRemoval = false)
    @JoinColumn(name = "suggestion_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<SuggestionTransition> transitions = new ArrayList<>();

    @Transient
    private final List<SuggestionEvent> pendingEvents = new ArrayList<>();

    protected Suggestion() {
        // for JPA
    }

    /** Takes in a suggestion as the deputies handed it in; {@code now} bounds the submission time. */
    static Suggestion submit(UUID id, String townCode, Submission s, String actor, Instant now) {
        if (s.deputies().isEmpty()) {
            throw new InvalidFieldException("deputies", "name at least one deputy");
        }
        if (new HashSet<>(s.deputies()).size() != s.deputies().size()) {
            throw new InvalidFieldException("deputies", "names a deputy more than once");
        }
        if (s.submittedAt().isAfter(now)) {
            throw new InvalidFieldException("submittedAt", "lies in the future");
        }
        Suggestion g = new Suggestion();
        g.id = id;
        g.townCode = townCode;
        g.session = s.session();
        g.title = s.title();
        g.content = s.content();
        g.deputies.addAll(s.deputies());
        g.submittedAt = s.submittedAt();
        g.status = SuggestionStatus.SUBMITTED;
        g.createdBy = actor;
        g.transitions.add(new SuggestionTransition(null, SuggestionStatus.SUBMITTED, actor, null, now));
        g.pendingEvents.add(new SuggestionEvent.Submitted(id, now));
        return g;
    }

    /** 登记: numbered within its town and session. The number is drawn only once the move is known to be legal. */
    void register(IntSupplier nextNumber, String actor, Instant now) {
        requireMove(SuggestionStatus.REGISTERED);
        int number = nextNumber.getAsInt();
        moveTo(SuggestionStatus.REGISTERED, actor, "第" + number + "号", now);
        registrationNumber = number;
        registeredAt = now;
        pendingEvents.add(new SuggestionEvent.Registered(id, number, now));
    }

    /**
     * 交办 to a lead unit and any co-units. The lead unit must reply within {@code replyMonths} calendar months:
     * assigned on 18 January, due 18 April; assigned on 30 November, due the last day of February.
     */
    void assign(String lead, List<String> co, int replyMonths, String actor, Instant now) {
        requireMove(SuggestionStatus.ASSIGNED);
        if (co.contains(lead)) {
            throw new InvalidFieldException("coUnits", "must not include the lead unit " + lead);
        }
        if (new HashSet<>(co).size() != co.size()) {
            throw new InvalidFieldException("coUnits", "names a unit more than once");
        }
        moveTo(SuggestionStatus.ASSIGNED, actor, lead + (co.isEmpty() ? "" : " / " + String.join("、", co)), now);
        leadUnit = lead;
        coUnits.addAll(co);
        assignedAt = now;
        replyDue = now.atZone(WorkingDayCalendar.ZONE).toLocalDate().plusMonths(replyMonths);
        pendingEvents.add(new SuggestionEvent.Assigned(id, lead, replyDue, now));
    }

    List<SuggestionEvent> pullEvents() {
        List<SuggestionEvent> events = List.copyOf(pendingEvents);
        pendingEvents.clear();
        return events;
    }

    private void requireMove(SuggestionStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("Suggestion", id, status, next);
        }
    }

    private void moveTo(SuggestionStatus next, String actor, String note, Instant now) {
        requireMove(next);
        transitions.add(new SuggestionTransition(status, next, actor, note, now));
        status = next;
    }

    /** What the congress office records from the deputies' paper. */
    record Submission(String session, String title, String content, List<String> deputies, Instant submittedAt) {
        Submission {
            deputies = List.copyOf(deputies);
        }
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    String session() { return session; }
    String title() { return title; }
    String content() { return content; }
    List<String> deputies() { return List.copyOf(deputies); }
    Instant submittedAt() { return submittedAt; }
    SuggestionStatus status() { return status; }
    Integer registrationNumber() { return registrationNumber; }
    Instant registeredAt() { return registeredAt; }
    String leadUnit() { return leadUnit; }
    List<String> coUnits() { return List.copyOf(coUnits); }
    Instant assignedAt() { return assignedAt; }
    LocalDate replyDue() { return replyDue; }
    String createdBy() { return createdBy; }
    List<SuggestionTransition> transitions() { return List.copyOf(transitions); }
}
