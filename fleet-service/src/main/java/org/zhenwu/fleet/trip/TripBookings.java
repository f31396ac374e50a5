package org.zhenwu.fleet.trip;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.fleet.platform.UtcTimes;

/**
 * The bookings a vehicle or a driver holds: trips DISPATCHED or DEPARTED, each over its planned window [start, end).
 * Callers hold the vehicle's and the driver's row locks and read at READ COMMITTED, so they see every booking
 * committed before they got the locks, and nobody can add one until they commit.
 */
@Component
class TripBookings {
    static final String VEHICLE_CONFLICTS = """
            SELECT id FROM trip
            WHERE vehicle_id = ? AND status IN ('DISPATCHED', 'DEPARTED') AND planned_start < ? AND planned_end > ? AND id <> ?
            ORDER BY planned_start, id LIMIT 10""";
    static final String DRIVER_CONFLICTS = VEHICLE_CONFLICTS.replace("vehicle_id = ?", "driver_id = ?");
    /** Trips that were actually on the road during part of a window: for imported history, where no booking is open. */
    static final String VEHICLE_USE = """
            SELECT id FROM trip
            WHERE vehicle_id = ? AND status IN ('DEPARTED', 'RETURNED', 'COMPLETED') AND departed_at < ?
              AND COALESCE(returned_at, planned_end) > ? AND id <> ?
            ORDER BY departed_at, id LIMIT 10""";
    static final String DRIVER_USE = VEHICLE_USE.replace("vehicle_id = ?", "driver_id = ?");

    private final JdbcClient jdbc;

    TripBookings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Other trips that hold the vehicle for part of [start, end). */
    @Transactional(propagation = Propagation.MANDATORY)
    List<UUID> vehicleConflicts(UUID vehicleId, Instant start, Instant end, UUID except) {
        return ids(VEHICLE_CONFLICTS, vehicleId, start, end, except);
    }

    /** Other trips that hold the driver for part of [start, end). */
    @Transactional(propagation = Propagation.MANDATORY)
    List<UUID> driverConflicts(UUID driverId, Instant start, Instant end, UUID except) {
        return ids(DRIVER_CONFLICTS, driverId, start, end, except);
    }

    /** Other trips that used the vehicle, or the driver, during part of [start, end). */
    @Transactional(propagation = Propagation.MANDATORY)
    List<UUID> usedDuring(UUID vehicleId, UUID driverId, Instant start, Instant end, UUID except) {
        List<UUID> used = new ArrayList<>(ids(VEHICLE_USE, vehicleId, start, end, except));
        used.addAll(ids(DRIVER_USE, driverId, start, end, except));
        return used;
    }

    /** Other trips of the vehicle still on the road (departed, not back). */
    @Transactional(propagation = Propagation.MANDATORY)
    List<UUID> vehicleOut(UUID vehicleId, UUID except) {
        return jdbc.sql("SELECT id FROM trip WHERE vehicle_id = ? AND status = 'DEPARTED' AND id <> ? ORDER BY id")
                .params(vehicleId.toString(), except.toString()).query(String.class).list()
                .stream().map(UUID::fromString).toList();
    }

    /** Other trips of the driver still on the road. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<UUID> driverOut(UUID driverId, UUID except) {
        return jdbc.sql("SELECT id FROM trip WHERE driver_id = ? AND status = 'DEPARTED' AND id <> ? ORDER BY id")
                .params(driverId.toString(), except.toString()).query(String.class).list()
                .stream().map(UUID::fromString).toList();
    }

    private List<UUID> ids(String sql, UUID resource, Instant start, Instant end, UUID except) {
        return jdbc.sql(sql).params(resource.toString(), UtcTimes.param(end), UtcTimes.param(start), except.toString())
                .query(String.class).list().stream().map(UUID::fromString).toList();
    }
}
