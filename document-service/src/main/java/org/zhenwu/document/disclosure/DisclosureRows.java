package org.zhenwu.document.disclosure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.platform.importing.BatchInsert;

/**
 * New items of an import written as rows, a few multi-row inserts per file instead of one statement per item,
 * channel and trail line (their ids are {@code AUTO_INCREMENT}, which Hibernate never batches): a town's register of
 * about a thousand items went from ~20 s to about a second. The items were built by {@link DisclosureItem#imported},
 * with every rule checked; the columns here are the entity's mapping ({@code DisclosureApiTest} reads an item
 * back through the API).
 */
final class DisclosureRows {
    private DisclosureRows() {
    }

    static void insert(JdbcClient jdbc, List<DisclosureItem> items) {
        List<List<Object>> itemRows = new ArrayList<>();
        List<List<Object>> channelRows = new ArrayList<>();
        List<List<Object>> transitionRows = new ArrayList<>();
        for (DisclosureItem i : items) {
            String id = i.id().toString();
            itemRows.add(Arrays.asList(id, i.townCode(), i.title(), i.body(), i.category().name(),
                    i.sourceDocumentId() == null ? null : i.sourceDocumentId().toString(), i.internalNote(),
                    i.status().name(), i.author(), time(i.createdAt()), i.reviewer(), time(i.reviewedAt()),
                    i.reviewOpinion(), i.returnReason(), i.publishedBy(), time(i.publishedAt()), i.withdrawnBy(),
                    time(i.withdrawnAt()), i.withdrawReason(), i.sourceId(), 0L));
            for (ChannelRelease c : i.channels()) {
                channelRows.add(Arrays.asList(id, c.channel().name(), time(c.publishedAt())));
            }
            for (DisclosureTransition t : i.transitions()) {
                transitionRows.add(Arrays.asList(id, t.fromStatus() == null ? null : t.fromStatus().name(),
                        t.toStatus().name(), t.action(), t.actor(), t.note(), time(t.at())));
            }
        }
        BatchInsert.into(jdbc, "disclosure_item", List.of("id", "town_code", "title", "body", "category",
                "source_document_id", "internal_note", "status", "author", "created_at", "reviewer", "reviewed_at",
                "review_opinion", "return_reason", "published_by", "published_at", "withdrawn_by", "withdrawn_at",
                "withdraw_reason", "source_id", "version"), itemRows);
        BatchInsert.into(jdbc, "disclosure_channel", List.of("item_id", "channel", "published_at"), channelRows);
        BatchInsert.into(jdbc, "disclosure_transition", List.of("item_id", "from_status", "to_status", "action",
                "actor", "note", "at"), transitionRows);
    }

    private static Object time(Instant instant) {
        return BatchInsert.utc(instant);
    }
}
