package org.zhenwu.fleet.accounting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.security.Caller;

/** 单车核算 and the fleet figures. Periods default to this year so far. */
@RestController
@RequestMapping("/api/fleet")
class AccountingController {
    private final AccountingService accounting;
    private final Clock clock;

    AccountingController(AccountingService accounting, Clock clock) {
        this.accounting = accounting;
        this.clock = clock;
    }

    /** Every vehicle's costs for the period. */
    @GetMapping("/accounts")
    AccountingService.Accounts accounts(@RequestParam(required = false) String town,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate[] period = period(from, to);
        return accounting.accounts(Caller.current(), town, period[0], period[1]);
    }

    /** One vehicle's year, month by month. */
    @GetMapping("/vehicles/{id}/accounts")
    AccountingService.VehicleYear vehicleYear(@PathVariable UUID id, @RequestParam(required = false) Integer year) {
        return accounting.vehicleYear(Caller.current(), id, year != null ? year : today().getYear());
    }

    /** Trips, kilometres and costs of the towns, against the same period last year, with the monthly trend. */
    @GetMapping("/stats")
    AccountingService.FleetStats stats(@RequestParam(required = false) String town,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate[] period = period(from, to);
        return accounting.stats(Caller.current(), town, period[0], period[1]);
    }

    private LocalDate[] period(LocalDate from, LocalDate to) {
        LocalDate start = from != null ? from : (to != null ? to : today()).withDayOfYear(1);
        LocalDate end = to != null ? to : (from != null ? start.withDayOfYear(start.lengthOfYear()) : today());
        return new LocalDate[] {start, end};
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    }
}
