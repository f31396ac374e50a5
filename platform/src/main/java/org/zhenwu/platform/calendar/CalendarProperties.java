package org.zhenwu.platform.calendar;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-deployment changes to the published calendar.
 *
 * @param extraFile        a file in the bundled format (later years, local changes); optional
 * @param extraRestDays    single extra rest days
 * @param extraWorkingDays single extra working days
 */
@ConfigurationProperties("zhenwu.calendar")
public record CalendarProperties(Path extraFile, List<LocalDate> extraRestDays, List<LocalDate> extraWorkingDays) {
    public CalendarProperties {
        extraRestDays = extraRestDays == null ? List.of() : List.copyOf(extraRestDays);
        extraWorkingDays = extraWorkingDays == null ? List.of() : List.copyOf(extraWorkingDays);
    }
}
