package org.zhenwu.document.disclosure;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** A disclosure item as the office sees it: the public text plus author, review and internal note. */
public record DisclosureView(UUID id, String town, String title, String body, DisclosureCategory category,
                             String categoryLabel, List<ChannelView> channels, UUID sourceDocumentId,
                             String internalNote, DisclosureStatus status, String author, Instant createdAt,
                             String reviewer, Instant reviewedAt, String reviewOpinion, String returnReason,
                             String publishedBy, Instant publishedAt, String withdrawnBy, Instant withdrawnAt,
                             String withdrawReason, String sourceId, List<Transition> transitions) {

    /** A channel and when the item went out on it (null until published). */
    public record ChannelView(DisclosureChannel channel, String label, Instant publishedAt) {
        static List<ChannelView> of(DisclosureItem i) {
            return i.channels().stream().sorted(Comparator.comparing(ChannelRelease::channel))
                    .map(c -> new ChannelView(c.channel(), c.channel().label(), c.publishedAt())).toList();
        }
    }

    public record Transition(DisclosureStatus from, DisclosureStatus to, String action, String actor, String note,
                             Instant at) {
    }

    static DisclosureView of(DisclosureItem i, boolean withTrail) {
        List<Transition> trail = !withTrail ? null : i.transitions().stream().map(t -> new Transition(t.fromStatus(),
                t.toStatus(), t.action(), t.actor(), t.note(), t.at())).toList();
        return new DisclosureView(i.id(), i.townCode(), i.title(), i.body(), i.category(), i.category().label(),
                ChannelView.of(i), i.sourceDocumentId(), i.internalNote(), i.status(), i.author(), i.createdAt(),
                i.reviewer(), i.reviewedAt(), i.reviewOpinion(), i.returnReason(), i.publishedBy(), i.publishedAt(),
                i.withdrawnBy(), i.withdrawnAt(), i.withdrawReason(), i.sourceId(), trail);
    }
}
