package org.zhenwu.contracts.document.v1;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * A disclosure item (政务公开信息) passed its 保密审查 and was published (主动公开) on its channels; {@code occurredAt} is
 * the publication time. Topic {@value DocumentTopics#DISCLOSURE_EVENTS}, key itemId. Only public facts are on the wire
 * (no author, reviewer or internal note). Evolve additively only (new nullable fields); anything else is a new v2 type.
 *
 * @param category ORGANISATION 机构职能, POLICY 政策文件, PLAN 规划计划, BUDGET 财政预决算, MAJOR_PROJECT 重大项目,
 *                 LIVELIHOOD 民生实事, NOTICE 通知公告, PERSONNEL 人事信息 or OTHER
 * @param channels where it went out: WEBSITE 网站, WECHAT 微信公众号, RADIO_TV 广播电视, PRESS 报刊, NOTICE_BOARD 公开栏
 */
public record DisclosurePublished(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction, UUID itemId,
                                  String title, String category, List<String> channels) implements IntegrationEvent {
    public static final String TYPE = "document.DisclosurePublished";

    public DisclosurePublished {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(itemId, "itemId");
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    public static DisclosurePublished of(String jurisdiction, UUID itemId, String title, String category,
                                         List<String> channels, Instant at) {
        return new DisclosurePublished(UUID.randomUUID(), 1, at, jurisdiction, itemId, title, category, channels);
    }
}
