package org.zhenwu.fleet.trip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhenwu.fleet.platform.FleetRuleViolation;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;

/** The trip's rules without Spring: the status table over every pair, then one scenario per rule. */
class TripStatusTest {
    // Wednesday 2019-10-09, 09:00 Beijing time: an ordinary working day after the National Day holiday
    private static final Instant WEDNESDAY_9AM = Instant.parse("2019-10-09T01:00:00Z");
    private static final UUID VEHICLE = UUID.randomUUID();
    private static final UUID DRIVER = UUID.randomUUID();

    static Stream<Arguments> every_pair() {
        List<Arguments> pairs = new ArrayList<>();
        for (TripStatus from : TripStatus.values()) {
            Set<TripStatus> allowed = switch (from) {
                case REQUESTED -> EnumSet.of(TripStatus.REQUESTED, TripStatus.APPROVED, TripStatus.REJECTED, TripStatus.CANCELLED);
                case APPROVED -> EnumSet.of(TripStatus.REQUESTED, TripStatus.DISPATCHED, TripStatus.CANCELLED);
                case DISPATCHED -> EnumSet.of(TripStatus.REQUESTED, TripStatus.DISPATCHED, TripStatus.DEPARTED, TripStatus.CANCELLED);
                case DEPARTED -> EnumSet.of(TripStatus.RETURNED);
                case RETURNED -> EnumSet.of(TripStatus.COMPLETED);
                case REJECTED, COMPLETED, CANCELLED -> EnumSet.noneOf(TripStatus.class);
            };
            for (TripStatus to : TripStatus.values()) {
                pairs.add(Arguments.of(from, to, allowed.contains(to)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("every_pair")
    void only_the_trip_tables_moves_are_allowed(TripStatus from, TripStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @Test
    void only_dispatched_and_departed_trips_hold_their_vehicle_and_driver() {
        assertThat(EnumSet.allOf(TripStatus.class).stream().filter(TripStatus::holdsBooking))
                .containsExactlyInAnyOrder(TripStatus.DISPATCHED, TripStatus.DEPARTED);
    }

    @Test
    void a_trip_goes_from_request_to_settled_cost_with_one_audit_line_per_step() {
        Trip trip = requested(false);
        trip.approve("manager", false, null, WEDNESDAY_9AM.plusSeconds(60));
        trip.dispatch(new Trip.Booking(VEHICLE, "粤X12345", DRIVER, "陈建华"), "manager", null, WEDNESDAY_9AM.plusSeconds(120));
        trip.depart(48_210, "manager", WEDNESDAY_9AM.plusSeconds(3600));
        trip.returnFrom(new Trip.Return(48_246, "乐从—大良—乐从", null, new BigDecimal("15"), new BigDecimal("8")),
                new BigDecimal("8.5"), "manager", WEDNESDAY_9AM.plusSeconds(4 * 3600));
        trip.complete(new BigDecimal("7.50"), null, "manager", null, WEDNESDAY_9AM.plusSeconds(5 * 3600));

        assertThat(trip.status()).isEqualTo(TripStatus.COMPLETED);
        assertThat(trip.distanceKm()).isEqualTo(36);
        assertThat(trip.fuelEstimated()).isTrue();
        assertThat(trip.fuelLitres()).isEqualByComparingTo("3.06");      // 36 km × 8.5 L / 100 km
        assertThat(trip.fuelCostYuan()).isEqualByComparingTo("22.95");   // 3.06 L × 7.50
        assertThat(trip.costYuan()).isEqualByComparingTo("45.95");       // + 15 tolls + 8 parking
        assertThat(trip.transitions()).extracting(TripTransition::toStatus).containsExactly(TripStatus.REQUESTED,
                TripStatus.APPROVED, TripStatus.DISPATCHED, TripStatus.DEPARTED, TripStatus.RETURNED, TripStatus.COMPLETED);
        assertThat(trip.pullEvents()).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                "Requested", "Approved", "Dispatched", "Departed", "Returned", "Completed");
    }

    @Test
    void nobody_approves_their_own_trip() {
        Trip trip = requested(false);
        assertThatThrownBy(() -> trip.approve("clerk", true, null, WEDNESDAY_9AM))
                .isInstanceOf(FleetRuleViolation.class).extracting("rule").isEqualTo("self-approval");
        assertThat(trip.status()).isEqualTo(TripStatus.REQUESTED);
    }

    @Test
    void a_trip_on_a_sealed_holiday_needs_a_leaders_special_approval() {
        Trip trip = requested(true);
        assertThatThrownBy(() -> trip.approve("manager", false, null, WEDNESDAY_9AM))
                .isInstanceOf(FleetRuleViolation.class).extracting("rule").isEqualTo("holiday-needs-leader");
        trip.approve("leader", true, "防汛检查", WEDNESDAY_9AM);
        assertThat(trip.holidayApproved()).isTrue();
    }

    @Test
    void a_change_goes_back_for_approval_and_releases_the_booking() {
        Trip trip = requested(false);
        trip.approve("manager", false, null, WEDNESDAY_9AM);
        trip.dispatch(new Trip.Booking(VEHICLE, "粤X12345", DRIVER, "陈建华"), "manager", null, WEDNESDAY_9AM);
        trip.change(plan(WEDNESDAY_9AM.plusSeconds(86_400)), false, "clerk", "会议改期", WEDNESDAY_9AM.plusSeconds(60));
        assertThat(trip.status()).isEqualTo(TripStatus.REQUESTED);
        assertThat(trip.vehicleId()).isNull();
        assertThat(trip.approvedBy()).isNull();
        assertThat(trip.plannedStart()).isEqualTo(WEDNESDAY_9AM.plusSeconds(86_400));
        assertThat(trip.transitions().get(trip.transitions().size() - 1).note()).isEqualTo("变更: 会议改期");
    }

    @Test
    void a_trip_cannot_leave_before_dispatch_nor_be_cancelled_on_the_road() {
        Trip trip = requested(false);
        assertThatThrownBy(() -> trip.depart(1, "manager", WEDNESDAY_9AM))
                .isInstanceOf(IllegalTransitionException.class).extracting("currentStatus").isEqualTo("REQUESTED");
        trip.approve("manager", false, null, WEDNESDAY_9AM);
        trip.dispatch(new Trip.Booking(VEHICLE, "粤X12345", DRIVER, "陈建华"), "manager", null, WEDNESDAY_9AM);
        trip.depart(100, "manager", WEDNESDAY_9AM);
        assertThatThrownBy(() -> trip.cancel("manager", "不去了", WEDNESDAY_9AM))
                .isInstanceOf(IllegalTransitionException.class).extracting("currentStatus").isEqualTo("DEPARTED");
    }

    @Test
    void a_return_below_the_departure_reading_or_before_departure_is_refused_naming_the_field() {
        Trip trip = requested(false);
        trip.approve("manager", false, null, WEDNESDAY_9AM);
        trip.dispatch(new Trip.Booking(VEHICLE, "粤X12345", DRIVER, "陈建华"), "manager", null, WEDNESDAY_9AM);
        trip.depart(500, "manager", WEDNESDAY_9AM.plusSeconds(3600));
        assertThatThrownBy(() -> trip.returnFrom(new Trip.Return(499, "x", null, null, null), BigDecimal.TEN, "m",
                WEDNESDAY_9AM.plusSeconds(7200))).isInstanceOf(InvalidFieldException.class)
                .extracting("field").isEqualTo("odometerKm");
        assertThatThrownBy(() -> trip.returnFrom(new Trip.Return(520, "x", null, null, null), BigDecimal.TEN, "m",
                WEDNESDAY_9AM)).isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("at");
        assertThat(trip.status()).isEqualTo(TripStatus.DEPARTED);
    }

    @Test
    void a_plan_ends_after_it_starts_and_names_no_more_passengers_than_it_counts() {
        assertThatThrownBy(() -> new Trip.Plan("p", "d", List.of(), 0, WEDNESDAY_9AM, WEDNESDAY_9AM))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("plannedEnd");
        assertThatThrownBy(() -> new Trip.Plan("p", "d", List.of("甲", "乙"), 1, WEDNESDAY_9AM, WEDNESDAY_9AM.plusSeconds(1)))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("passengers");
    }

    @ParameterizedTest(name = "{0}: statutory {1}, rest days {2}")
    @CsvSource({
            "2019-10-01, true, true",    // 国庆, a Tuesday
            "2019-10-05, true, true",    // a Saturday inside the National Day break
            "2019-09-28, false, true",   // a plain Saturday
            "2019-09-29, false, false",  // Sunday, a 调休 make-up working day
            "2019-04-06, true, true",    // Saturday of 清明 (Fri 5th to Sun 7th)
            "2019-10-09, false, false"   // an ordinary Wednesday
    })
    void sealed_days_follow_the_calendar(LocalDate day, boolean statutory, boolean restDays) {
        WorkingDayCalendar calendar = WorkingDayCalendar.china();
        assertThat(new SealedDays(calendar, SealedDays.Mode.STATUTORY_HOLIDAYS).isSealed(day)).isEqualTo(statutory);
        assertThat(new SealedDays(calendar, SealedDays.Mode.REST_DAYS).isSealed(day)).isEqualTo(restDays);
    }

    @Test
    void a_window_touches_the_sealed_days_it_overlaps_in_beijing_time() {
        SealedDays sealed = new SealedDays(WorkingDayCalendar.china(), SealedDays.Mode.STATUTORY_HOLIDAYS);
        // 2019-09-30 20:00 to 2019-10-01 00:30 Beijing time touches National Day
        assertThat(sealed.sealedDaysIn(Instant.parse("2019-09-30T12:00:00Z"), Instant.parse("2019-09-30T16:30:00Z")))
                .containsExactly(LocalDate.of(2019, 10, 1));
        // ending exactly at midnight does not
        assertThat(sealed.sealedDaysIn(Instant.parse("2019-09-30T12:00:00Z"), Instant.parse("2019-09-30T16:00:00Z"))).isEmpty();
    }

    private static Trip requested(boolean holiday) {
        return Trip.request(UUID.randomUUID(), "440606104", new Trip.Requester("clerk", "李文", "党政办"),
                plan(WEDNESDAY_9AM), holiday, WEDNESDAY_9AM.minusSeconds(3600));
    }

    private static Trip.Plan plan(Instant start) {
        return new Trip.Plan("到区政务中心报送年度材料", "顺德区行政服务中心", List.of("李文"), 1, start, start.plusSeconds(4 * 3600));
    }
}
