package org.zhenwu.contracts.document.v1;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * A town's office received an emergency (应急信息报送: 火灾, 生产安全事故, 劳资纠纷, 洪涝 …) and registered it. Published at
 * receipt, before any upward report, so the district sees it at once. Topic {@value DocumentTopics#EMERGENCY_EVENTS},
 * key reportId. Historical imports publish nothing. Evolve additively only (new nullable fields); anything else is a
 * new v2 type.
 *
 * @param category          FIRE, PRODUCTION_SAFETY, WAGE_DISPUTE, FLOOD, TYPHOON, GEOLOGICAL, TRAFFIC, PUBLIC_HEALTH,
 *                          MASS_INCIDENT or OTHER
 * @param realEstateProject a wage dispute on a real-estate project (涉房地产项目); always false for other categories
 * @param level             GENERAL 一般, LARGER 较大, MAJOR 重大 or ESPECIALLY_MAJOR 特别重大
 * @param place             the village or community where it happened
 * @param happenedAt        when it happened (事发时间)
 * @param receivedAt        when the office learned of it (接报时间)
 * @param deaths            casualties known at receipt
 * @param phoneDueAt        the phone report (电话报告) is due by then
 * @param writtenDueAt      the written report (书面报告) is due by then
 */
public record EmergencyReported(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction, UUID reportId,
                                String category, boolean realEstateProject, String level, String title, String place,
                                Instant happenedAt, Instant receivedAt, int deaths, int injuries, int missing,
                                Instant phoneDueAt, Instant writtenDueAt) implements IntegrationEvent {
    public static final String TYPE = "document.EmergencyReported";

    public EmergencyReported {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(category, "category");
    }

    public static EmergencyReported of(String jurisdiction, UUID reportId, String category, boolean realEstateProject,
                                       String level, String title, String place, Instant happenedAt, Instant receivedAt,
                                       int deaths, int injuries, int missing, Instant phoneDueAt, Instant writtenDueAt,
                                       Instant at) {
        return new EmergencyReported(UUID.randomUUID(), 1, at, jurisdiction, reportId, category, realEstateProject,
                level, title, place, happenedAt, receivedAt, deaths, injuries, missing, phoneDueAt, writtenDueAt);
    }
}
