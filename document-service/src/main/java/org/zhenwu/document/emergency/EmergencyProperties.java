package org.zhenwu.document.emergency;

import java.time.Duration;
import java.util.Map;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

/**
 * How fast an emergency must be reported upward, counted from receipt (接报): the phone report (电话报告) within
 * {@code phoneWithin}, the written report (书面报告) within {@code writtenWithin}; a level may have its own limits.
 *
 * @param phoneWithin   default 30 minutes
 * @param writtenWithin default 60 minutes; never shorter than the phone limit
 * @param levels        limits for particular levels, e.g. {@code levels.ESPECIALLY_MAJOR.phone-within: 15m}
 * @param checkInterval how often the overdue job looks (every instance runs it; row locks keep them apart)
 * @param checkDelay    the job's first run after start-up
 */
@ConfigurationProperties("zhenwu.document.emergency")
@Validated
record EmergencyProperties(@NotNull @DurationMin(minutes = 1) @DurationMax(days = 7) @DefaultValue("30m")
                           Duration phoneWithin,
                           @NotNull @DurationMin(minutes = 1) @DurationMax(days = 7) @DefaultValue("60m")
                           Duration writtenWithin,
                           Map<EmergencyLevel, @Valid Limits> levels,
                           @DefaultValue("60s") Duration checkInterval, @DefaultValue("30s") Duration checkDelay) {

    EmergencyProperties {
        levels = levels == null ? Map.of() : Map.copyOf(levels);
    }

    /** One level's limits; an absent one falls back to the default. */
    record Limits(@DurationMin(minutes = 1) @DurationMax(days = 7) Duration phoneWithin,
                  @DurationMin(minutes = 1) @DurationMax(days = 7) Duration writtenWithin) {
    }

    Duration phoneWithin(EmergencyLevel level) {
        Limits l = levels.get(level);
        return l != null && l.phoneWithin() != null ? l.phoneWithin() : phoneWithin;
    }

    Duration writtenWithin(EmergencyLevel level) {
        Limits l = levels.get(level);
        return l != null && l.writtenWithin() != null ? l.writtenWithin() : writtenWithin;
    }

    @AssertTrue(message = "the written report cannot be due before the phone report, at any level")
    boolean isWrittenNotBeforePhone() {
        if (phoneWithin == null || writtenWithin == null) {
            return true;
        }
        for (EmergencyLevel level : EmergencyLevel.values()) {
            if (writtenWithin(level).compareTo(phoneWithin(level)) < 0) {
                return false;
            }
        }
        return true;
    }
}
