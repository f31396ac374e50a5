package org.zhenwu.document.archive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.zhenwu.platform.web.IllegalTransitionException;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A destruction (销毁) of archive items whose retention has ended: the office's appraisal request (鉴定), a town
 * leader's approval, then the destruction itself. A DESTROYED one, with its items, is a line of the destruction
 * register (销毁清册): who asked, who approved, who destroyed, when, which items.
 */
@Entity
@Table(name = "archive_destruction")
class ArchiveDestruction {
    @Id
    private UUID id;
    private String townCode;
    private String reason;
    @Enumerated(EnumType.STRING)
    private DestructionStatus status;
    private String requestedBy;
    private Instant requestedAt;
    private String decidedBy;
    private Instant decidedAt;
    private String decisionNote;
    private String destroyedBy;
    private Instant destroyedAt;
    private String method;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @JoinColumn(name = "destruction_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<Entry> items = new ArrayList<>();

    protected ArchiveDestruction() {
        // for JPA
    }

    static ArchiveDestruction request(UUID id, String town, List<ArchiveItem> items, String reason, String by,
                                      Instant now) {
        ArchiveDestruction d = new ArchiveDestruction();
        d.id = id;
        d.townCode = town;
        d.reason = reason;
        d.status = DestructionStatus.REQUESTED;
        d.requestedBy = by;
        d.requestedAt = now;
        items.forEach(i -> d.items.add(new Entry(i.id(), i.code())));
        return d;
    }

    void decide(boolean approve, String note, String by, Instant now) {
        moveTo(approve ? DestructionStatus.APPROVED : DestructionStatus.REJECTED);
        decidedBy = by;
        decidedAt = now;
        decisionNote = note;
    }

    void destroyed(String how, String by, Instant now) {
        moveTo(DestructionStatus.DESTROYED);
        method = how;
        destroyedBy = by;
        destroyedAt = now;
    }

    private void moveTo(DestructionStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("Archive destruction", id, status, next);
        }
        status = next;
    }

    List<UUID> itemIds() {
        return items.stream().map(Entry::itemId).toList();
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    String reason() { return reason; }
    DestructionStatus status() { return status; }
    String requestedBy() { return requestedBy; }
    Instant requestedAt() { return requestedAt; }
    String decidedBy() { return decidedBy; }
    Instant decidedAt() { return decidedAt; }
    String decisionNote() { return decisionNote; }
    String destroyedBy() { return destroyedBy; }
    Instant destroyedAt() { return destroyedAt; }
    String method() { return method; }
    List<Entry> items() { return items; }

    /** One item of the request, with its archive code as it stood. */
    @Entity(name = "ArchiveDestructionEntry")
    @Table(name = "archive_destruction_item")
    static class Entry {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        private Long id;
        @Column(updatable = false)
        private UUID itemId;
        @Column(updatable = false)
        private String archiveCode;

        protected Entry() {
            // for JPA
        }

        Entry(UUID itemId, String archiveCode) {
            this.itemId = itemId;
            this.archiveCode = archiveCode;
        }

        UUID itemId() { return itemId; }
        String archiveCode() { return archiveCode; }
    }
}
