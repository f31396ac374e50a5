package org.zhenwu.fleet.trip;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.zhenwu.platform.calendar.WorkingDayCalendar;

/**
 * The days official vehicles stay sealed (节假日公车封存): using one needs a leader's special approval.
 * With {@link Mode#STATUTORY_HOLIDAYS} these are the statutory holidays of the calendar, weekends that belong to
 * them included (a run of rest days that holds a weekday is a holiday: 国庆 2019-10-01..07); a plain weekend is
 * not sealed. With {@link Mode#REST_DAYS} every rest day is (local rules that seal weekends too). 调休 make-up
 * working days are never sealed.
 */
final class SealedDays {
    enum Mode { STATUTORY_HOLIDAYS, REST_DAYS }

    /** Longer than any holiday run, so a broken calendar cannot loop for long. */
    private static final int LONGEST_RUN = 20;

    private final WorkingDayCalendar calendar;
    private final Mode mode;

    SealedDays(WorkingDayCalendar calendar, Mode mode) {
        this.calendar = calendar;
        this.mode = mode;
    }

    boolean isSealed(LocalDate day) {
        if (calendar.isWorkingDay(day)) {
            return false;
        }
        if (mode == Mode.REST_DAYS) {
            return true;
        }
        for (LocalDate d = day; !calendar.isWorkingDay(d) && d.isAfter(day.minusDays(LONGEST_RUN)); d = d.minusDays(1)) {
            if (isWeekday(d)) {
                return true;
            }
        }
        for (LocalDate d = day; !calendar.isWorkingDay(d) && d.isBefore(day.plusDays(LONGEST_RUN)); d = d.plusDays(1)) {
            if (isWeekday(d)) {
                return true;
            }
        }
        return false;
    }

    boolean isSealed(Instant at) {
        return isSealed(at.atZone(WorkingDayCalendar.ZONE).toLocalDate());
    }

    /** The sealed days a window [start, end) touches, in the offices' time zone. */
    List<LocalDate> sealedDaysIn(Instant start, Instant end) {
        List<LocalDate> sealed = new ArrayList<>();
        LocalDate last = end.minusNanos(1).atZone(WorkingDayCalendar.ZONE).toLocalDate();
        for (LocalDate d = start.atZone(WorkingDayCalendar.ZONE).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
            if (isSealed(d)) {
                sealed.add(d);
            }
        }
        return sealed;
    }

    private static boolean isWeekday(LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
