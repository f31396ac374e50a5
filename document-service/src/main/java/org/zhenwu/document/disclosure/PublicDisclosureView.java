package org.zhenwu.document.disclosure;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A published item as anyone may read it (政务公开 without a token): only the public fields. Never the author, the
 * reviewer, the internal note or the source document.
 */
public record PublicDisclosureView(UUID id, String town, String townName, String title, String body,
                                   DisclosureCategory category, String categoryLabel,
                                   List<DisclosureView.ChannelView> channels, Instant publishedAt) {
    static PublicDisclosureView of(DisclosureItem i, String townName) {
        return new PublicDisclosureView(i.id(), i.townCode(), townName, i.title(), i.body(), i.category(),
                i.category().label(), DisclosureView.ChannelView.of(i), i.publishedAt());
    }
}
