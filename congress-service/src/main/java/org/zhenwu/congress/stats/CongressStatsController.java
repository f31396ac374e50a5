package org.zhenwu.congress.stats;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.security.Caller;

@RestController
@RequestMapping("/api/congress/stats")
class CongressStatsController {
    private final CongressStatsService stats;
    private final Clock clock;

    CongressStatsController(CongressStatsService stats, Clock clock) {
        this.stats = stats;
        this.clock = clock;
    }

    /** Figures for a period (default: this year so far); district roles without a town get all ten towns. */
    @GetMapping
    CongressStatsService.CongressStats stats(@RequestParam(required = false) String town,
                                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
        LocalDate start = from != null ? from : (to != null ? to : today).withDayOfYear(1);
        LocalDate end = to != null ? to : (from != null ? start.withDayOfYear(start.lengthOfYear()) : today);
        return stats.stats(Caller.current(), town, start, end);
    }
}
