package org.zhenwu.contracts.servicehall.v1;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.contracts.IntegrationEvent;

/**
 * A matter (事项) of a town's catalogue became available to applicants: published for the first time, or
 * again after a suspension. Topic {@value ServiceHallTopics#MATTER_EVENTS}, key matterId. Carries the whole
 * catalogue entry, so kiosks, portals and reports need not call back.
 * Evolve additively only (new nullable fields); anything else is a new v2 type.
 *
 * @param code              the matter's code, unique within its town
 * @param legalLimitDays    法定时限 in working days (0 = 即办件)
 * @param promisedLimitDays 承诺时限 in working days, never more than the legal limit (0 = 即办件)
 * @param feeFen            the fee in 分 (0.01 元); 0 = free of charge
 * @param channels          WINDOW, ONLINE, MOBILE, KIOSK, MAIL
 * @param requiredMaterials the materials an applicant must bring, in catalogue order
 */
public record MatterPublished(UUID eventId, int eventVersion, Instant occurredAt, String jurisdiction,
                              UUID matterId, String code, String name, String department, int legalLimitDays,
                              int promisedLimitDays, long feeFen, List<String> channels,
                              List<String> requiredMaterials) implements IntegrationEvent {
    public static final String TYPE = "service-hall.MatterPublished";

    public MatterPublished {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(matterId, "matterId");
        channels = channels == null ? List.of() : List.copyOf(channels);
        requiredMaterials = requiredMaterials == null ? List.of() : List.copyOf(requiredMaterials);
    }

    public static MatterPublished of(String jurisdiction, UUID matterId, String code, String name, String department,
                                     int legalLimitDays, int promisedLimitDays, long feeFen, List<String> channels,
                                     List<String> requiredMaterials, Instant at) {
        return new MatterPublished(UUID.randomUUID(), 1, at, jurisdiction, matterId, code, name, department,
                legalLimitDays, promisedLimitDays, feeFen, channels, requiredMaterials);
    }
}
