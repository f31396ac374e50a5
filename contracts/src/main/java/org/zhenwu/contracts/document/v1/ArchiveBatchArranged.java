package org.zhenwu.contracts.document.v1;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * A town's finished documents of one year were arranged into its 文书档案 in one batch (年度归档整理): how many, and
 * which 件号 each retention period got. Topic {@value DocumentTopics#ARCHIVE_EVENTS}, key batchId. A batch that found
 * nothing left to archive announces nothing. Evolve additively only; anything else is a new v2 type.
 *
 * @param category always DOCUMENTARY (文书) for now
 * @param items    items archived by this batch
 * @param numbers  the 件号 ranges per retention, in the order they were assigned
 */
public record ArchiveBatchArranged(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction,
                                   UUID batchId, int year, String category, int items, List<NumberRange> numbers)
        implements IntegrationEvent {
    public static final String TYPE = "document.ArchiveBatchArranged";

    public ArchiveBatchArranged {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(batchId, "batchId");
        numbers = numbers == null ? List.of() : List.copyOf(numbers);
    }

    /** 件号 {@code first}..{@code last} of one retention period (PERMANENT, Y30, Y10), without gaps. */
    public record NumberRange(String retention, int first, int last) {
    }

    public static ArchiveBatchArranged of(String jurisdiction, UUID batchId, int year, String category, int items,
                                          List<NumberRange> numbers, Instant at) {
        return new ArchiveBatchArranged(UUID.randomUUID(), 1, at, jurisdiction, batchId, year, category, items,
                numbers);
    }
}
