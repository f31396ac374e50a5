package org.zhenwu.servicehall.matter;

import java.util.List;
import java.util.UUID;

/**
 * A published catalogue entry as an application takes it in. The application keeps these values (and the version),
 * so a later change to the catalogue never changes what it was accepted under.
 *
 * @param version           the matter's version when the application was taken in
 * @param legalLimitDays    法定时限, working days
 * @param promisedLimitDays 承诺时限, working days (0 = 即办件)
 */
public record MatterSnapshot(UUID id, long version, String town, String code, String name, String department,
                             int legalLimitDays, int promisedLimitDays, long feeFen, List<String> requiredMaterials,
                             List<MatterChannel> channels) {
    public MatterSnapshot {
        requiredMaterials = List.copyOf(requiredMaterials);
        channels = List.copyOf(channels);
    }
}
