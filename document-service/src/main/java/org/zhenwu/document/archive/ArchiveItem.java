package org.zhenwu.document.archive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.zhenwu.document.element.SecrecyLevel;
import org.zhenwu.platform.web.IllegalTransitionException;

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

/**
 * An archived item (档案): one finished document (件) or a dossier (卷), filed under a year, a category (门类) and a
 * retention period (保管期限) with its 件号, gap-free within those three and the town. Its archive code reads
 * {@code <town>-<year>-<category code>-<retention>-<件号 as 4 digits>}, e.g. {@code 440606104-2018-WS-Y30-0001}.
 */
@Entity
@Table(name = "archive_item")
class ArchiveItem {
    @Id
    private UUID id;
    private String townCode;
    private int year;
    @Enumerated(EnumType.STRING)
    private ArchiveCategory category;
    @Enumerated(EnumType.STRING)
    private Retention retention;
    private int itemNumber;
    @Enumerated(EnumType.STRING)
    private ArchiveItemKind kind;
    private UUID documentId;
    @Enumerated(EnumType.STRING)
    private DocumentRow.Direction direction;
    private String documentNumber;
    private String title;
    @Enumerated(EnumType.STRING)
    private SecrecyLevel secrecyLevel;
    @Enumerated(EnumType.STRING)
    private ArchiveItemStatus status;
    private String arrangedBy;
    private Instant arrangedAt;
    private UUID batchId;
    private Instant destroyedAt;
    private String sourceId;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "item_id", nullable = false, updatable = false)
    @OrderBy("seq")
    private List<DossierEntry> entries = new ArrayList<>();

    protected ArchiveItem() {
        // for JPA
    }

    /** Where an item is filed: year, 门类, 保管期限 and the 件号 taken for them. */
    record Filing(int year, ArchiveCategory category, Retention retention, int itemNumber) {
    }

    static ArchiveItem ofDocument(UUID id, DocumentRow d, Filing f, UUID batchId, String by, Instant now) {
        ArchiveItem i = filed(id, d.town(), f, ArchiveItemKind.DOCUMENT, d.title(), d.level(), by, now);
        i.documentId = d.id();
        i.direction = d.direction();
        i.documentNumber = d.number();
        i.batchId = batchId;
        return i;
    }

    static ArchiveItem dossier(UUID id, String town, Filing f, String title, List<String> entryTitles, String by,
                               Instant now) {
        ArchiveItem i = filed(id, town, f, ArchiveItemKind.DOSSIER, title, SecrecyLevel.NONE, by, now);
        for (int n = 0; n < entryTitles.size(); n++) {
            i.entries.add(new DossierEntry(n + 1, entryTitles.get(n)));
        }
        return i;
    }

    /** From an earlier register, with its own 件号 and arrangement time. */
    static ArchiveItem imported(UUID id, String town, Filing f, ArchiveItemKind kind, String title, String number,
                                String sourceId, String by, Instant arrangedAt) {
        ArchiveItem i = filed(id, town, f, kind, title, SecrecyLevel.NONE, by, arrangedAt);
        i.documentNumber = number;
        i.sourceId = sourceId;
        return i;
    }

    private static ArchiveItem filed(UUID id, String town, Filing f, ArchiveItemKind kind, String title,
                                     SecrecyLevel level, String by, Instant now) {
        ArchiveItem i = new ArchiveItem();
        i.id = id;
        i.townCode = town;
        i.year = f.year();
        i.category = f.category();
        i.retention = f.retention();
        i.itemNumber = f.itemNumber();
        i.kind = kind;
        i.title = title;
        i.secrecyLevel = level;
        i.status = ArchiveItemStatus.ARCHIVED;
        i.arrangedBy = by;
        i.arrangedAt = now;
        return i;
    }

    static String code(String town, int year, ArchiveCategory category, Retention retention, int number) {
        return String.format(Locale.ROOT, "%s-%d-%s-%s-%04d", town, year, category.code(), retention.name(), number);
    }

    /** Retention has ended when {@code year + retention years < currentYear}; never for 永久. */
    boolean retentionEnded(int currentYear) {
        Integer last = retention.lastYear(year);
        return last != null && last < currentYear;
    }

    void destroy(Instant now) {
        if (!status.canMoveTo(ArchiveItemStatus.DESTROYED)) {
            throw new IllegalTransitionException("Archive item", id, status, ArchiveItemStatus.DESTROYED);
        }
        status = ArchiveItemStatus.DESTROYED;
        destroyedAt = now;
    }

    String code() {
        return code(townCode, year, category, retention, itemNumber);
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    int year() { return year; }
    ArchiveCategory category() { return category; }
    Retention retention() { return retention; }
    int itemNumber() { return itemNumber; }
    ArchiveItemKind kind() { return kind; }
    UUID documentId() { return documentId; }
    DocumentRow.Direction direction() { return direction; }
    String documentNumber() { return documentNumber; }
    String title() { return title; }
    SecrecyLevel secrecyLevel() { return secrecyLevel; }
    ArchiveItemStatus status() { return status; }
    String arrangedBy() { return arrangedBy; }
    Instant arrangedAt() { return arrangedAt; }
    UUID batchId() { return batchId; }
    Instant destroyedAt() { return destroyedAt; }
    String sourceId() { return sourceId; }
    List<DossierEntry> entries() { return entries; }
}
