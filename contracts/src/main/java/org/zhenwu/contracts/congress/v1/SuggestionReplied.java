package org.zhenwu.contracts.congress.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * The lead unit (主办) answered a deputies' suggestion (答复), classified A–D. Topic
 * {@value CongressTopics#SUGGESTION_EVENTS}, key suggestionId. The annual summary counts the first reply of each
 * suggestion ({@code stage} FIRST) for "answered on time". Evolve additively only (new nullable fields); anything
 * else is a new v2 type.
 *
 * @param kind       SUGGESTION (建议), MOTION (议案) or PROPOSAL (政协提案)
 * @param category   A 已解决/基本解决, B 正在解决/列入规划, C 待以后解决, D 留作参考
 * @param stage      FIRST (the reply due after 交办), REHANDLED (after a dissatisfied feedback, 重新办理) or
 *                   FOLLOW_UP (a B/C matter answered again once solved)
 * @param round      1 for the first reply, then 2, 3, … for each later reply
 * @param replyDue   the deadline this reply answered; null for a FOLLOW_UP, which has none
 * @param repliedOn  the day of the reply (Asia/Shanghai)
 * @param onTime     repliedOn is not after replyDue (always true for a FOLLOW_UP)
 */
public record SuggestionReplied(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction,
                                UUID suggestionId, String kind, String session, int registrationNumber, String leadUnit,
                                String category, String stage, int round, LocalDate replyDue, LocalDate repliedOn,
                                boolean onTime) implements IntegrationEvent {
    public static final String TYPE = "congress.SuggestionReplied";

    public SuggestionReplied {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(suggestionId, "suggestionId");
        Objects.requireNonNull(category, "category");
    }

    public static SuggestionReplied of(String jurisdiction, UUID suggestionId, String kind, String session,
                                       int registrationNumber, String leadUnit, String category, String stage, int round,
                                       LocalDate replyDue, LocalDate repliedOn, boolean onTime, Instant at) {
        return new SuggestionReplied(UUID.randomUUID(), 1, at, jurisdiction, suggestionId, kind, session,
                registrationNumber, leadUnit, category, stage, round, replyDue, repliedOn, onTime);
    }
}
