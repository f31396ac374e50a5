package org.zhenwu.servicehall.matter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hibernate.annotations.BatchSize;
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
 * A matter (事项) of a town's catalogue: the aggregate root. Limits count working days; the promised limit
 * (承诺时限) never exceeds the legal one (法定时限), and 0 means 即办件 (handled on the spot).
 * Its status changes only through {@link #moveTo}.
 */
@Entity
@Table(name = "matter")
class Matter {
    @Id
    private UUID id;
    private String townCode;
    private String code;
    private String name;
    private String department;
    private int legalLimitDays;
    private int promisedLimitDays;
    private long feeFen;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "matter_material", joinColumns = @JoinColumn(name = "matter_id"))
    @OrderColumn(name = "list_index")
    @Column(name = "material")
    @BatchSize(size = 100)
    private List<String> requiredMaterials = new ArrayList<>();
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "matter_channel", joinColumns = @JoinColumn(name = "matter_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "channel")
    @BatchSize(size = 100)
    private Set<MatterChannel> channels = new HashSet<>();
    @Enumerated(EnumType.STRING)
    private MatterStatus status;
    private Instant createdAt;
    private String createdBy;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY, orphanRemoval = false)
    @JoinColumn(name = "matter_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<MatterTransition> transitions = new ArrayList<>();

    @Transient
    private final List<MatterEvent> pendingEvents = new ArrayList<>();

    protected Matter() {
        // for JPA
    }

    /** A new catalogue entry, not yet offered to applicants. */
    static Matter draft(UUID id, String townCode, Entry entry, String actor, Instant now) {
        if (entry.promisedLimitDays() > entry.legalLimitDays()) {
            throw new InvalidFieldException("promisedLimitDays", "must not exceed the legal limit of "
                    + entry.legalLimitDays() + " working days");
        }
        if (entry.channels().isEmpty()) {
            throw new InvalidFieldException("channels", "name at least one channel");
        }
        if (new HashSet<>(entry.requiredMaterials()).size() != entry.requiredMaterials().size()) {
            throw new InvalidFieldException("requiredMaterials", "lists a material more than once");
        }
        Matter m = new Matter();
        m.id = id;
        m.townCode = townCode;
        m.code = entry.code();
        m.name = entry.name();
        m.department = entry.department();
        m.legalLimitDays = entry.legalLimitDays();
        m.promisedLimitDays = entry.promisedLimitDays();
        m.feeFen = entry.feeFen();
        m.requiredMaterials.addAll(entry.requiredMaterials());
        m.channels.addAll(entry.channels());
        m.status = MatterStatus.DRAFT;
        m.createdAt = now;
        m.createdBy = actor;
        m.transitions.add(new MatterTransition(null, MatterStatus.DRAFT, actor, null, now));
        m.pendingEvents.add(new MatterEvent.Drafted(id, now));
        return m;
    }

    /** Offers the matter to applicants, first time or again after a suspension. */
    void publish(String actor, String note, Instant now) {
        moveTo(MatterStatus.PUBLISHED, actor, note, now);
        pendingEvents.add(new MatterEvent.Published(id, now));
    }

    void suspend(String actor, String reason, Instant now) {
        moveTo(MatterStatus.SUSPENDED, actor, reason, now);
        pendingEvents.add(new MatterEvent.Suspended(id, reason, now));
    }

    void withdraw(String actor, String reason, Instant now) {
        moveTo(MatterStatus.WITHDRAWN, actor, reason, now);
        pendingEvents.add(new MatterEvent.Withdrawn(id, reason, now));
    }

    List<MatterEvent> pullEvents() {
        List<MatterEvent> events = List.copyOf(pendingEvents);
        pendingEvents.clear();
        return events;
    }

    private void moveTo(MatterStatus next, String actor, String note, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("Matter", id, status, next);
        }
        transitions.add(new MatterTransition(status, next, actor, note, now));
        status = next;
    }

    /** What a clerk enters for a new matter; the fee in 分 (0.01 元). */
    record Entry(String code, String name, String department, int legalLimitDays, int promisedLimitDays, long feeFen,
                 Set<MatterChannel> channels, List<String> requiredMaterials) {
        Entry {
            channels = Set.copyOf(channels);
            requiredMaterials = List.copyOf(requiredMaterials);
        }
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    String code() { return code; }
    String name() { return name; }
    String department() { return department; }
    int legalLimitDays() { return legalLimitDays; }
    int promisedLimitDays() { return promisedLimitDays; }
    /** 即办件: handled on the spot. */
    boolean immediate() { return promisedLimitDays == 0; }
    long feeFen() { return feeFen; }
    List<String> requiredMaterials() { return List.copyOf(requiredMaterials); }
    /** In the enum's order, so responses and events are stable. */
    List<MatterChannel> channels() { return channels.stream().sorted().toList(); }
    MatterStatus status() { return status; }
    Instant createdAt() { return createdAt; }
    String createdBy() { return createdBy; }
    List<MatterTransition> transitions() { return List.copyOf(transitions); }
    /** Changes with every change of the entry: an application records the version it was accepted under. */
    long version() { return version; }
}
