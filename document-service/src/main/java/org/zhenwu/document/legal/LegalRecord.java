package org.zhenwu.document.legal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.zhenwu.platform.web.InvalidFieldException;

import jakarta.persistence.CascadeType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/**
 * What the three legal records (legality reviews, opinions, cases) share: id, town, optimistic lock, the trail in
 * {@code legal_transition} and the events waiting to be published. Each record keeps its own status and state table.
 */
@MappedSuperclass
abstract class LegalRecord {
    @Id
    private UUID id;
    private String townCode;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "record_id", insertable = false, updatable = false)
    @OrderBy("id")
    private List<LegalTransition> transitions = new ArrayList<>();

    @Transient
    private final List<LegalEvent> pendingEvents = new ArrayList<>();

    protected LegalRecord() {
        // for JPA
    }

    protected LegalRecord(UUID id, String townCode) {
        this.id = id;
        this.townCode = townCode;
    }

    protected void trail(Enum<?> from, Enum<?> to, String action, String actor, String note, Instant now) {
        transitions.add(new LegalTransition(id, from, to, action, actor, note, now));
    }

    protected void raise(LegalEvent event) {
        pendingEvents.add(event);
    }

    /** A day of the record's history: not in the future, not before {@code earliest} (when given). */
    protected static void day(String field, LocalDate day, LocalDate earliest, LocalDate today) {
        if (day.isAfter(today)) {
            throw new InvalidFieldException(field, "is in the future");
        }
        if (earliest != null && day.isBefore(earliest)) {
            throw new InvalidFieldException(field, "is before " + earliest);
        }
    }

    List<LegalEvent> pullEvents() {
        List<LegalEvent> events = List.copyOf(pendingEvents);
        pendingEvents.clear();
        return events;
    }

    List<TrailEntry> trail() {
        return transitions.stream().map(LegalTransition::view).toList();
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
}
