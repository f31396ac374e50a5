package org.zhenwu.fleet.trip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The import's double-booking check in memory asks what TripBookings' queries ask. */
class ImportBookingsTest {
    static final UUID VEHICLE = UUID.randomUUID();
    static final UUID DRIVER = UUID.randomUUID();
    static final UUID OTHER_VEHICLE = UUID.randomUUID();
    static final UUID OTHER_DRIVER = UUID.randomUUID();
    static final Instant NINE = Instant.parse("2016-03-01T01:00:00Z");

    static Instant at(int hour) {
        return NINE.plusSeconds(3600L * (hour - 9));
    }

    static ImportBookings.Booked trip(UUID id, UUID vehicle, UUID driver, TripStatus status, int from, int to,
                                      Integer departed, Integer returned) {
        return new ImportBookings.Booked(id, vehicle, driver, status, at(from), at(to),
                departed == null ? null : at(departed), returned == null ? null : at(returned));
    }

    @Test
    void an_open_booking_holds_its_planned_window_and_a_trip_on_the_road_its_use() {
        UUID dispatched = UUID.randomUUID();
        UUID completed = UUID.randomUUID();
        UUID cancelled = UUID.randomUUID();
        UUID stillOut = UUID.randomUUID();
        ImportBookings bookings = new ImportBookings(new ArrayList<>(List.of(
                trip(dispatched, VEHICLE, OTHER_DRIVER, TripStatus.DISPATCHED, 9, 11, null, null),
                trip(completed, OTHER_VEHICLE, DRIVER, TripStatus.COMPLETED, 13, 15, 13, 14),
                trip(cancelled, VEHICLE, DRIVER, TripStatus.CANCELLED, 16, 18, null, null),
                trip(stillOut, OTHER_VEHICLE, OTHER_DRIVER, TripStatus.DEPARTED, 19, 21, 19, null))));
        UUID me = UUID.randomUUID();

        assertThat(bookings.taken(VEHICLE, DRIVER, at(10), at(12), at(10), at(12), me)).containsExactly(dispatched);
        assertThat(bookings.taken(VEHICLE, DRIVER, at(11), at(12), at(11), at(12), me)).as("[start, end)").isEmpty();
        assertThat(bookings.taken(VEHICLE, DRIVER, at(12), at(16), at(13), at(14), me))
                .as("the driver drove 13–14 on another vehicle").containsExactly(completed);
        assertThat(bookings.taken(VEHICLE, DRIVER, at(12), at(16), at(14), at(15), me))
                .as("returned at 14: free after, whatever was planned").isEmpty();
        assertThat(bookings.taken(VEHICLE, DRIVER, at(16), at(18), at(16), at(18), me)).as("cancelled").isEmpty();
        assertThat(bookings.taken(OTHER_VEHICLE, DRIVER, at(20), at(22), at(20), at(22), me))
                .as("departed, not back: holds its planned window").containsExactly(stillOut);
        assertThat(bookings.taken(VEHICLE, DRIVER, at(10), at(12), at(10), at(12), dispatched)).as("itself").isEmpty();
    }

    @Test
    void a_replayed_trip_of_the_file_is_checked_against_by_the_later_ones() {
        ImportBookings bookings = new ImportBookings(new ArrayList<>());
        Trip trip = Trip.imported(UUID.randomUUID(), "440606103", "s-1", new Trip.Requester("import:s-1", "历史导入", null),
                new Trip.Plan("p", "d", List.of(), 1, at(9), at(12)), false, at(9));
        trip.approve("import:x", true, "历史导入", at(9));
        trip.dispatch(new Trip.Booking(VEHICLE, "粤X00001", DRIVER, "张三"), "import:x", "历史导入", at(9));
        trip.depart(100L, "import:x", at(9));
        trip.returnFrom(new Trip.Return(130L, null, null, null, null), new java.math.BigDecimal("8.5"), "import:x", at(11));
        bookings.add(trip);
        assertThat(bookings.taken(OTHER_VEHICLE, DRIVER, at(10), at(13), at(10), at(13), UUID.randomUUID()))
                .containsExactly(trip.id());
        assertThat(bookings.taken(OTHER_VEHICLE, OTHER_DRIVER, at(10), at(13), at(10), at(13), UUID.randomUUID())).isEmpty();
    }
}
