package org.zhenwu.fleet.trip;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.fleet.platform.UtcTimes;

/**
 * The double-booking check of a trips import, in memory: the trips the database holds for the file's vehicles and
 * drivers around the file's period (read once, under the vehicles' and drivers' row locks), then each trip of the
 * file as it is replayed. Asks what {@link TripBookings}' queries ask, with the same conditions, without a query
 * and a flush per trip.
 */
final class ImportBookings {
    /** One trip as the booking queries see it. */
    record Booked(UUID id, UUID vehicleId, UUID driverId, TripStatus status, Instant plannedStart, Instant plannedEnd,
                  Instant departedAt, Instant returnedAt) {
        boolean holds(Instant start, Instant end) {
            return (status == TripStatus.DISPATCHED || status == TripStatus.DEPARTED)
                    && plannedStart.isBefore(end) && plannedEnd.isAfter(start);
        }

        boolean usedDuring(Instant start, Instant end) {
            return (status == TripStatus.DEPARTED || status == TripStatus.RETURNED || status == TripStatus.COMPLETED)
                    && departedAt != null && departedAt.isBefore(end)
                    && (returnedAt != null ? returnedAt : plannedEnd).isAfter(start);
        }
    }

    private final List<Booked> booked;

    ImportBookings(List<Booked> booked) {
        this.booked = booked;
    }

    /** The stored trips of these vehicles and drivers that hold or used them for part of [from, to). */
    static ImportBookings load(JdbcClient jdbc, Collection<UUID> vehicleIds, Collection<UUID> driverIds, Instant from,
                               Instant to) {
        List<Booked> booked = new ArrayList<>();
        if (!vehicleIds.isEmpty() || !driverIds.isEmpty()) {
            jdbc.sql("""
                    SELECT id, vehicle_id, driver_id, status, planned_start, planned_end, departed_at, returned_at FROM trip
                    WHERE (vehicle_id IN (:vehicles) OR driver_id IN (:drivers))
                      AND status IN ('DISPATCHED', 'DEPARTED', 'RETURNED', 'COMPLETED')
                      AND (planned_start < :to OR departed_at < :to)
                      AND (planned_end > :from OR COALESCE(returned_at, planned_end) > :from)""")
                    .param("vehicles", ids(vehicleIds)).param("drivers", ids(driverIds))
                    .param("from", UtcTimes.param(from)).param("to", UtcTimes.param(to))
                    .query((rs, n) -> new Booked(UUID.fromString(rs.getString("id")), uuid(rs.getString("vehicle_id")),
                            uuid(rs.getString("driver_id")), TripStatus.valueOf(rs.getString("status")),
                            UtcTimes.read(rs, "planned_start"), UtcTimes.read(rs, "planned_end"),
                            UtcTimes.read(rs, "departed_at"), UtcTimes.read(rs, "returned_at")))
                    .list().forEach(booked::add);
        }
        return new ImportBookings(booked);
    }

    /**
     * Other trips that hold the vehicle or the driver for part of the planned window, or used either during part of
     * [departed, returned): {@link TripBookings#vehicleConflicts}, {@code driverConflicts} and {@code usedDuring}.
     */
    List<UUID> taken(UUID vehicleId, UUID driverId, Instant plannedStart, Instant plannedEnd, Instant departed,
                     Instant returned, UUID except) {
        List<UUID> taken = new ArrayList<>();
        for (Booked b : booked) {
            if (b.id().equals(except)) {
                continue;
            }
            boolean vehicle = vehicleId.equals(b.vehicleId());
            boolean driver = driverId.equals(b.driverId());
            if ((vehicle || driver) && (b.holds(plannedStart, plannedEnd) || b.usedDuring(departed, returned))) {
                taken.add(b.id());
            }
        }
        return taken.size() > 10 ? taken.subList(0, 10) : taken;
    }

    /** A trip of the file, replayed: later trips of the file are checked against it. */
    void add(Trip trip) {
        booked.add(new Booked(trip.id(), trip.vehicleId(), trip.driverId(), trip.status(), trip.plannedStart(),
                trip.plannedEnd(), trip.departedAt(), trip.returnedAt()));
    }

    private static List<String> ids(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of("") : ids.stream().map(UUID::toString).toList();
    }

    private static UUID uuid(String value) {
        return value == null ? null : UUID.fromString(value);
    }
}
