package org.zhenwu.document.disclosure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.zhenwu.platform.web.ForbiddenException;
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
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/**
 * A disclosure item (政务公开信息): what the office makes public on its channels. Nothing goes out before a 保密审查 by
 * someone other than the author; an item drawn from a classified document never passes it. Publishing stamps every
 * channel; a withdrawn item is no longer public but its publication stays counted.
 */
@Entity
@Table(name = "disclosure_item")
class DisclosureItem {
    @Id
    private UUID id;
    private String townCode;
    private String title;
    private String body;
    @Enumerated(EnumType.STRING)
    private DisclosureCategory category;
    private UUID sourceDocumentId;
    private String internalNote;
    @Enumerated(EnumType.STRING)
    private DisclosureStatus status;
    private String author;
    private Instant createdAt;
    private String reviewer;
    private Instant reviewedAt;
    private String reviewOpinion;
    private String returnReason;
    private String publishedBy;
    private Instant publishedAt;
    private String withdrawnBy;
    private Instant withdrawnAt;
    private String withdrawReason;
    private String sourceId;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "item_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<ChannelRelease> channels = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "item_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<DisclosureTransition> transitions = new ArrayList<>();

    @Transient
    private final List<DisclosureEvent> pendingEvents = new ArrayList<>();

    protected DisclosureItem() {
        // for JPA
    }

    /** What the author writes: the public text, its heading, its channels and where it came from. */
    record Content(String title, String body, DisclosureCategory category, Set<DisclosureChannel> channels,
                   UUID sourceDocumentId, String internalNote) {
        Content {
            if (channels == null || channels.isEmpty()) {
                throw new InvalidFieldException("channels", "an item goes out on at least one channel");
            }
            channels = Set.copyOf(channels);
        }
    }

    static DisclosureItem draft(UUID id, String town, Content content, String author, Instant now) {
        DisclosureItem i = new DisclosureItem();
        i.id = id;
        i.townCode = town;
        i.author = author;
        i.createdAt = now;
        i.status = DisclosureStatus.DRAFT;
        i.write(content);
        i.transitions.add(new DisclosureTransition(null, DisclosureStatus.DRAFT, "起草", author, null, now));
        return i;
    }

    /** A historical item from an earlier register: already published on its channels at {@code publishedAt}. */
    static DisclosureItem imported(UUID id, String town, Content content, String sourceId, String by,
                                   Instant publishedAt) {
        DisclosureItem i = draft(id, town, content, by, publishedAt);
        i.sourceId = sourceId;
        i.status = DisclosureStatus.PUBLISHED;
        i.publishedBy = by;
        i.publishedAt = publishedAt;
        i.channels.forEach(c -> c.publish(publishedAt));
        i.transitions.add(new DisclosureTransition(DisclosureStatus.DRAFT, DisclosureStatus.PUBLISHED, "历史导入", by,
                sourceId, publishedAt));
        return i;
    }

    void revise(Content content, String by, Instant now) {
        if (status != DisclosureStatus.DRAFT) {
            throw new IllegalTransitionException("Disclosure item", id, status.name(), null,
                    "Only a draft is revised; disclosure item " + id + " is " + status);
        }
        write(content);
        audit("修改", by, null, now);
    }

    /** 送审: to the 保密审查. */
    void submit(String by, Instant now) {
        moveTo(DisclosureStatus.SUBMITTED, "送审", by, null, now);
        returnReason = null;
    }

    /** 保密审查 passed. */
    void approve(String opinion, String by, Instant now) {
        requireOtherThanAuthor(by);
        moveTo(DisclosureStatus.APPROVED, "保密审查通过", by, opinion, now);
        reviewer = by;
        reviewedAt = now;
        reviewOpinion = opinion;
    }

    /** 退回修改: back to the author's draft with the reason. */
    void returnToAuthor(String reason, String by, Instant now) {
        requireOtherThanAuthor(by);
        moveTo(DisclosureStatus.DRAFT, "退回修改", by, reason, now);
        reviewer = by;
        reviewedAt = now;
        returnReason = reason;
    }

    /** 发布 on every channel at once. */
    void publish(String by, Instant now) {
        moveTo(DisclosureStatus.PUBLISHED, "发布", by, null, now);
        publishedBy = by;
        publishedAt = now;
        channels.forEach(c -> c.publish(now));
        pendingEvents.add(new DisclosureEvent.Published(now));
    }

    /** 撤回: no longer public. */
    void withdraw(String reason, String by, Instant now) {
        moveTo(DisclosureStatus.WITHDRAWN, "撤回", by, reason, now);
        withdrawnBy = by;
        withdrawnAt = now;
        withdrawReason = reason;
        pendingEvents.add(new DisclosureEvent.Withdrawn(reason, now));
    }

    List<DisclosureEvent> pullEvents() {
        List<DisclosureEvent> events = List.copyOf(pendingEvents);
        pendingEvents.clear();
        return events;
    }

    private void write(Content c) {
        title = c.title();
        body = c.body();
        category = c.category();
        sourceDocumentId = c.sourceDocumentId();
        internalNote = c.internalNote();
        Set<DisclosureChannel> wanted = EnumSet.copyOf(c.channels());
        channels.removeIf(r -> !wanted.contains(r.channel()));
        channels.forEach(r -> wanted.remove(r.channel()));
        wanted.forEach(ch -> channels.add(new ChannelRelease(ch)));
    }

    private void requireOtherThanAuthor(String by) {
        if (author.equals(by)) {
            throw new ForbiddenException("保密审查 is done by someone other than the author");
        }
    }

    private void moveTo(DisclosureStatus next, String action, String actor, String note, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("Disclosure item", id, status, next);
        }
        transitions.add(new DisclosureTransition(status, next, action, actor, note, now));
        status = next;
    }

    private void audit(String action, String actor, String note, Instant now) {
        transitions.add(new DisclosureTransition(status, status, action, actor, note, now));
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    String title() { return title; }
    String body() { return body; }
    DisclosureCategory category() { return category; }
    UUID sourceDocumentId() { return sourceDocumentId; }
    String internalNote() { return internalNote; }
    DisclosureStatus status() { return status; }
    String author() { return author; }
    Instant createdAt() { return createdAt; }
    String reviewer() { return reviewer; }
    Instant reviewedAt() { return reviewedAt; }
    String reviewOpinion() { return reviewOpinion; }
    String returnReason() { return returnReason; }
    String publishedBy() { return publishedBy; }
    Instant publishedAt() { return publishedAt; }
    String withdrawnBy() { return withdrawnBy; }
    Instant withdrawnAt() { return withdrawnAt; }
    String withdrawReason() { return withdrawReason; }
    String sourceId() { return sourceId; }
    List<ChannelRelease> channels() { return channels; }
    List<DisclosureTransition> transitions() { return transitions; }
}
