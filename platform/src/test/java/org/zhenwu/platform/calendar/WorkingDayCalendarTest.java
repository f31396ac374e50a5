package org.zhenwu.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class WorkingDayCalendarTest {
    private final WorkingDayCalendar calendar = WorkingDayCalendar.china();

    @ParameterizedTest(name = "{0} is a working day: {1}")
    @CsvSource({
            "2019-02-02, true",   // Saturday make-up day before 春节
            "2019-02-04, false",  // 春节 Monday
            "2019-02-11, true",   // back to work
            "2019-10-07, false",  // 国庆 Monday
            "2019-10-12, true",   // Saturday make-up day
            "2020-01-31, false",  // 春节 extended in 2020
            "2020-02-01, false",  // the cancelled make-up Saturday
            "2020-02-03, true",
            "2023-10-07, true",   // Saturday make-up day
            "2024-02-18, true",   // Sunday make-up day
            "2025-10-08, false",  // 中秋 within 国庆 2025
            "2026-01-04, true",   // Sunday make-up day after 元旦 2026
            "2026-02-23, false",  // last day of the nine-day 春节 2026
            "2026-11-26, true",   // an ordinary Thursday
            "2026-11-28, false"   // an ordinary Saturday
    })
    void knows_holidays_and_make_up_days(LocalDate date, boolean working) {
        assertThat(calendar.isWorkingDay(date)).isEqualTo(working);
    }

    @Test
    void a_limit_counted_over_the_spring_festival_skips_the_holiday_and_counts_the_make_up_saturday() {
        // Accepted Thursday 2019-01-31; 3 working days: Fri 02-01, Sat 02-02 (make-up), Sun 02-03 (make-up).
        assertThat(calendar.addWorkingDays(LocalDate.of(2019, 1, 31), 3)).isEqualTo(LocalDate.of(2019, 2, 3));
        // From Friday 2019-09-27, 13 working days: Sun 09-29 and Sat 10-12 are make-up days, 10-01..07 are not.
        assertThat(calendar.addWorkingDays(LocalDate.of(2019, 9, 27), 13)).isEqualTo(LocalDate.of(2019, 10, 21));
    }

    @Test
    void zero_working_days_is_today_or_the_next_working_day() {
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 11, 26), 0)).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 10, 1), 0)).isEqualTo(LocalDate.of(2026, 10, 8));
    }

    @Test
    void working_days_between_counts_the_days_that_pass() {
        assertThat(calendar.workingDaysBetween(LocalDate.of(2019, 9, 30), LocalDate.of(2019, 10, 8))).isEqualTo(1);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2019, 10, 8), LocalDate.of(2019, 9, 30))).isEqualTo(-1);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 11, 26))).isZero();
    }

    @Test
    void covers_every_year_the_state_council_has_published_since_2019() {
        assertThat(calendar.coveredYears()).contains(2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026);
    }

    @Test
    void a_deployment_adds_its_own_days_and_bad_lines_are_refused() {
        WorkingDayCalendar local = WorkingDayCalendar.builder().addBundled()
                .add(new StringReader("2026-12-01 OFF 台风停工\n2026-12-05 WORK 补班\n"), "local.txt").build();
        assertThat(local.isWorkingDay(LocalDate.of(2026, 12, 1))).isFalse();
        assertThat(local.isWorkingDay(LocalDate.of(2026, 12, 5))).isTrue();
        assertThatThrownBy(() -> WorkingDayCalendar.builder().add(new StringReader("2026-12-01 HOLIDAY x"), "bad.txt"))
                .hasMessageContaining("bad.txt:1");
    }

    @Property(tries = 300)
    void adding_then_counting_working_days_gives_the_same_number(@ForAll @IntRange(min = 0, max = 2900) int dayOffset,
                                                                  @ForAll @IntRange(min = 1, max = 60) int days) {
        LocalDate start = LocalDate.of(2019, 1, 1).plusDays(dayOffset);
        LocalDate due = calendar.addWorkingDays(start, days);
        assertThat(calendar.workingDaysBetween(start, due)).isEqualTo(days);
        assertThat(calendar.isWorkingDay(due)).isTrue();
        assertThat(calendar.addWorkingDays(due, -days)).isBeforeOrEqualTo(start);
    }
}
