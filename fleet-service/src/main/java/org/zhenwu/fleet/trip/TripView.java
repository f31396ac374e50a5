package org.zhenwu.fleet.trip;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A trip as the feature hands it out (never the entity). */
public record TripView(UUID id, String town, TripStatus status, String requester, String requesterName,
                       String department, String purpose, String destination, List<String> passengers,
                       int passengerCount, Instant plannedStart, Instant plannedEnd, boolean holidayUse,
                       Instant requestedAt, String approvedBy, Instant approvedAt, String rejectionReason,
                       UUID vehicleId, String plate, UUID driverId, String driverName, Instant dispatchedAt,
                       Instant departedAt, Long departureOdometerKm, Instant returnedAt, Long returnOdometerKm,
                       Long distanceKm, String route, BigDecimal fuelLitres, Boolean fuelEstimated,
                       BigDecimal tollsYuan, BigDecimal parkingYuan, BigDecimal fuelCostYuan, BigDecimal otherCostYuan,
                       BigDecimal costYuan, Instant completedAt, String cancelReason, String sourceId,
                       List<Transition> transitions) {

    public record Transition(TripStatus from, TripStatus to, String actor, String note, Instant at) {
    }

    static TripView of(Trip t) {
        return of(t, null);
    }

    static TripView withTrail(Trip t) {
        return of(t, t.transitions().stream()
                .map(x -> new Transition(x.fromStatus(), x.toStatus(), x.actor(), x.note(), x.at())).toList());
    }

    private static TripView of(Trip t, List<Transition> trail) {
        return new TripView(t.id(), t.townCode(), t.status(), t.requester(), t.requesterName(), t.department(),
                t.purpose(), t.destination(), t.passengers(), t.passengerCount(), t.plannedStart(), t.plannedEnd(),
                t.holidayUse(), t.requestedAt(), t.approvedBy(), t.approvedAt(), t.rejectionReason(), t.vehicleId(),
                t.plate(), t.driverId(), t.driverName(), t.dispatchedAt(), t.departedAt(), t.departureOdometerKm(),
                t.returnedAt(), t.returnOdometerKm(), t.returnOdometerKm() == null ? null : t.distanceKm(), t.route(),
                t.fuelLitres(), t.fuelEstimated(), t.tollsYuan(), t.parkingYuan(), t.fuelCostYuan(), t.otherCostYuan(),
                t.costYuan(), t.completedAt(), t.cancelReason(), t.sourceId(), trail);
    }
}
