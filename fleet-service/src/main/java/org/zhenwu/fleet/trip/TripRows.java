package org.zhenwu.fleet.trip;

import static org.zhenwu.platform.importing.Columns.name;
import static org.zhenwu.platform.importing.Columns.text;
import static org.zhenwu.platform.importing.Columns.time;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhenwu.platform.importing.BatchInsert;

/**
 * New trips of an import written as rows: two multi-row inserts per 500 trips (and their trail lines) instead of a
 * {@code saveAndFlush} per trip and an insert per trail line (their ids are {@code AUTO_INCREMENT}, which Hibernate
 * never batches). The trips were built by {@link Trip#imported} and their state machine, every rule checked; the
 * columns here are the entity's mapping ({@code TripImportTest} reads trips back through the API).
 */
final class TripRows {
    private TripRows() {
    }

    static void insert(JdbcClient jdbc, List<Trip> trips) {
        List<List<Object>> rows = new ArrayList<>();
        List<List<Object>> transitions = new ArrayList<>();
        for (Trip t : trips) {
            String id = t.id().toString();
            rows.add(Arrays.asList(id, t.townCode(), t.requester(), t.requesterName(), t.department(), t.purpose(),
                    t.destination(), t.passengers().isEmpty() ? null : String.join(Trip.PASSENGER_SEPARATOR, t.passengers()),
                    t.passengerCount(), time(t.plannedStart()), time(t.plannedEnd()), t.holidayUse(), t.status().name(),
                    time(t.requestedAt()), t.approvedBy(), time(t.approvedAt()), t.rejectionReason(), text(t.vehicleId()),
                    t.plate(), text(t.driverId()), t.driverName(), time(t.dispatchedAt()), time(t.departedAt()),
                    t.departureOdometerKm(), time(t.returnedAt()), t.returnOdometerKm(), t.route(), t.fuelLitres(),
                    t.fuelEstimated(), t.tollsYuan(), t.parkingYuan(), t.fuelCostYuan(), t.otherCostYuan(), t.costYuan(),
                    time(t.completedAt()), t.cancelReason(), t.sourceId(), 0L));
            for (TripTransition tr : t.transitions()) {
                transitions.add(Arrays.asList(id, name(tr.fromStatus()),
                        tr.toStatus().name(), tr.actor(), tr.note(), time(tr.at())));
            }
        }
        BatchInsert.into(jdbc, "trip", List.of("id", "town_code", "requester", "requester_name", "department", "purpose",
                "destination", "passengers", "passenger_count", "planned_start", "planned_end", "holiday_use", "status",
                "requested_at", "approved_by", "approved_at", "rejection_reason", "vehicle_id", "plate", "driver_id",
                "driver_name", "dispatched_at", "departed_at", "departure_odometer_km", "returned_at",
                "return_odometer_km", "route", "fuel_litres", "fuel_estimated", "tolls_yuan", "parking_yuan",
                "fuel_cost_yuan", "other_cost_yuan", "cost_yuan", "completed_at", "cancel_reason", "source_id",
                "version"), rows);
        BatchInsert.into(jdbc, "trip_transition", List.of("trip_id", "from_status", "to_status", "actor", "note", "at"),
                transitions);
    }
}
