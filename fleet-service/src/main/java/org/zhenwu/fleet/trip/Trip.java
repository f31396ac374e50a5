package org.zhenwu.fleet.trip;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.zhenwu.fleet.platform.FleetRuleViolation;
import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/**
 * A trip with an official vehicle (一次公务出车): the aggregate root, from the request to the settled cost. Its status
 * changes only through {@link #moveTo}, which checks {@link TripStatus#canMoveTo} and writes the audit line. It keeps
 * every fact of the published trip log: time, reason, place, mileage, fuel and cost.
 */
@Entity
@Table(name = "trip")
class Trip {
    static final String PASSENGER_SEPARATOR = "、";

    @Id
    private UUID id;
    private String townCode;
    private String requester;
    private String requesterName;
    private String department;
    private String purpose;
    private String destination;
    private String passengers;
    private int passengerCount;
    private Instant plannedStart;
    private Instant plannedEnd;
    private boolean holidayUse;
    @Enumerated(EnumType.STRING)
    private TripStatus status;
    private Instant requestedAt;
    private String approvedBy;
    private Instant approvedAt;
    private String rejectionReason;
    private UUID vehicleId;
    private String plate;
    private UUID driverId;
    private String driverName;
    private Instant dispatchedAt;
    private Instant departedAt;
    private Long departureOdometerKm;
    private Instant returnedAt;
    private Long returnOdometerKm;
    private String route;
    private BigDecimal fuelLitres;
    private Boolean fuelEstimated;
    private BigDecimal tollsYuan;
    private BigDecimal parkingYuan;
    private BigDecimal fuelCostYuan;
    private BigDecimal otherCostYuan;
    private BigDecimal costYuan;
    private Instant completedAt;
    private String cancelReason;
    private String sourceId;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
    @JoinColumn(name = "trip_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<TripTransition> transitions = new ArrayList<>();

    @Transient
    private final List<TripEvent> pendingEvents = new ArrayList<>();

    protected Trip() {
        // for JPA
    }

    /** 用车申请. {@code holidayUse}: the window touches a sealed day, so only a leader may approve it. */
    static Trip request(UUID id, String townCode, Requester who, Plan plan, boolean holidayUse, Instant now) {
        Trip t = new Trip();
        t.id = id;
        t.townCode = townCode;
        t.requester = who.subject();
        t.requesterName = who.name();
        t.department = who.department();
        t.apply(plan, holidayUse);
        t.status = TripStatus.REQUESTED;
        t.requestedAt = now;
        t.transitions.add(new TripTransition(null, TripStatus.REQUESTED, who.subject(), plan.purpose(), now));
        t.pendingEvents.add(new TripEvent.Requested(id, now));
        return t;
    }

    /** A trip brought in from an earlier system (historical import), keyed by its source id there. */
    static Trip imported(UUID id, String townCode, String sourceId, Requester who, Plan plan, boolean holidayUse,
                         Instant requestedAt) {
        return requestedFor(id, townCode, sourceId, who, plan, holidayUse, requestedAt);
    }

    /**
     * A request made for a record of another system or service (a meeting's transport 会议用车), keyed by its
     * source id: one trip per source record and town.
     */
    static Trip requestedFor(UUID id, String townCode, String sourceId, Requester who, Plan plan, boolean holidayUse,
                             Instant now) {
        Trip t = request(id, townCode, who, plan, holidayUse, now);
        t.sourceId = sourceId;
        return t;
    }

    /**
     * 审批. A trip on a sealed day (节假日) needs a leader's special approval; nobody approves their own trip.
     *
     * @param leader the approver may give the special approval (town leader or district)
     */
    void approve(String approver, boolean leader, String note, Instant now) {
        requireCanMoveTo(TripStatus.APPROVED);
        if (approver.equals(requester)) {
            throw new FleetRuleViolation("self-approval", null, "Nobody approves their own trip request");
        }
        if (holidayUse && !leader) {
            throw new FleetRuleViolation("holiday-needs-leader", null, "Trip " + id
                    + " falls on a sealed holiday (节假日封存): only a town leader may approve it");
        }
        moveTo(TripStatus.APPROVED, approver, note, now);
        approvedBy = approver;
        approvedAt = now;
        pendingEvents.add(new TripEvent.Approved(id, approver, now));
    }

    /** 驳回, with the reason the requester will read. */
    void reject(String approver, String reason, Instant now) {
        moveTo(TripStatus.REJECTED, approver, reason, now);
        rejectionReason = reason;
        pendingEvents.add(new TripEvent.Rejected(id, reason, now));
    }

    /**
     * 派车 / 改派. The service has already locked the vehicle's and the driver's rows and found no overlapping
     * booking; this records the booking.
     */
    void dispatch(Booking booking, String actor, String note, Instant now) {
        boolean redispatch = status == TripStatus.DISPATCHED;
        moveTo(TripStatus.DISPATCHED, actor, (redispatch ? "改派 " : "派车 ") + booking.plate() + " / "
                + booking.driverName() + (note == null ? "" : ": " + note), now);
        vehicleId = booking.vehicleId();
        plate = booking.plate();
        driverId = booking.driverId();
        driverName = booking.driverName();
        dispatchedAt = now;
        pendingEvents.add(new TripEvent.Dispatched(id, vehicleId, driverId, now));
    }

    /** 变更: a new plan goes back for approval, and any booking is released. */
    void change(Plan plan, boolean newHolidayUse, String actor, String reason, Instant now) {
        moveTo(TripStatus.REQUESTED, actor, "变更: " + reason, now);
        apply(plan, newHolidayUse);
        approvedBy = null;
        approvedAt = null;
        releaseBooking();
        pendingEvents.add(new TripEvent.Changed(id, reason, now));
    }

    /** 取消 before departure. */
    void cancel(String actor, String reason, Instant now) {
        moveTo(TripStatus.CANCELLED, actor, reason, now);
        cancelReason = reason;
        pendingEvents.add(new TripEvent.Cancelled(id, reason, now));
    }

    /** 出车 with the odometer read at departure. */
    void depart(long odometerKm, String actor, Instant at) {
        moveTo(TripStatus.DEPARTED, actor, "出车里程 " + odometerKm + " km", at);
        departedAt = at;
        departureOdometerKm = odometerKm;
        pendingEvents.add(new TripEvent.Departed(id, odometerKm, at));
    }

    /**
     * 回车. Without reported fuel, the fuel is estimated from the distance and the vehicle's norm.
     *
     * @param normPer100km the vehicle's fuel norm, litres per 100 km
     */
    void returnFrom(Return r, BigDecimal normPer100km, String actor, Instant at) {
        requireCanMoveTo(TripStatus.RETURNED);
        if (r.odometerKm() < departureOdometerKm) {
            throw new InvalidFieldException("odometerKm", "is below the departure reading " + departureOdometerKm + " km");
        }
        if (at.isBefore(departedAt)) {
            throw new InvalidFieldException("at", "is before the departure at " + departedAt);
        }
        long distance = r.odometerKm() - departureOdometerKm;
        moveTo(TripStatus.RETURNED, actor, "回车里程 " + r.odometerKm() + " km, 行驶 " + distance + " km", at);
        returnedAt = at;
        returnOdometerKm = r.odometerKm();
        route = r.route();
        fuelEstimated = r.fuelLitres() == null;
        fuelLitres = fuelEstimated
                ? normPer100km.multiply(BigDecimal.valueOf(distance)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP)
                : r.fuelLitres().setScale(2, RoundingMode.HALF_UP);
        tollsYuan = money(r.tollsYuan());
        parkingYuan = money(r.parkingYuan());
        pendingEvents.add(new TripEvent.Returned(id, distance, at));
    }

    /** 结算: the trip's cost is fuel at the given price, tolls, parking and anything else, in yuan. */
    void complete(BigDecimal fuelPricePerLitre, BigDecimal otherCost, String actor, String note, Instant now) {
        requireCanMoveTo(TripStatus.COMPLETED);
        fuelCostYuan = money(fuelLitres.multiply(fuelPricePerLitre));
        otherCostYuan = money(otherCost);
        costYuan = fuelCostYuan.add(tollsYuan).add(parkingYuan).add(otherCostYuan);
        moveTo(TripStatus.COMPLETED, actor, "费用 " + costYuan + " 元" + (note == null ? "" : ": " + note), now);
        completedAt = now;
        pendingEvents.add(new TripEvent.Completed(id, now));
    }

    List<TripEvent> pullEvents() {
        List<TripEvent> events = List.copyOf(pendingEvents);
        pendingEvents.clear();
        return events;
    }

    /** Throws the 409 before the service does expensive work (locks) for a move that cannot happen. */
    void requireCanMoveTo(TripStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("Trip", id, status, next);
        }
    }

    long distanceKm() {
        return returnOdometerKm == null || departureOdometerKm == null ? 0 : returnOdometerKm - departureOdometerKm;
    }

    boolean holidayApproved() {
        return holidayUse && approvedBy != null;
    }

    private void moveTo(TripStatus next, String actor, String note, Instant now) {
        requireCanMoveTo(next);
        transitions.add(new TripTransition(status, next, actor, note, now));
        status = next;
    }

    private void apply(Plan plan, boolean newHolidayUse) {
        purpose = plan.purpose();
        destination = plan.destination();
        passengers = plan.passengers().isEmpty() ? null : String.join(PASSENGER_SEPARATOR, plan.passengers());
        passengerCount = plan.passengerCount();
        plannedStart = plan.plannedStart();
        plannedEnd = plan.plannedEnd();
        holidayUse = newHolidayUse;
    }

    private void releaseBooking() {
        vehicleId = null;
        plate = null;
        driverId = null;
        driverName = null;
        dispatchedAt = null;
    }

    private static BigDecimal money(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.HALF_UP);
    }

    /** Who asks for the vehicle. */
    record Requester(String subject, String name, String department) {
    }

    /** What the requester plans: 事由, 目的地, 乘车人, 用车时间. */
    record Plan(String purpose, String destination, List<String> passengers, int passengerCount, Instant plannedStart,
                Instant plannedEnd) {
        Plan {
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(destination, "destination");
            passengers = passengers == null ? List.of() : List.copyOf(passengers);
            if (!plannedEnd.isAfter(plannedStart)) {
                throw new InvalidFieldException("plannedEnd", "must be after plannedStart");
            }
            if (passengers.size() > passengerCount) {
                throw new InvalidFieldException("passengers", "names more people than passengerCount");
            }
        }
    }

    /** The vehicle and driver a dispatch books. */
    record Booking(UUID vehicleId, String plate, UUID driverId, String driverName) {
    }

    /** What the driver reports on return. {@code fuelLitres} null: estimate it from the norm. */
    record Return(long odometerKm, String route, BigDecimal fuelLitres, BigDecimal tollsYuan, BigDecimal parkingYuan) {
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    String requester() { return requester; }
    String requesterName() { return requesterName; }
    String department() { return department; }
    String purpose() { return purpose; }
    String destination() { return destination; }
    List<String> passengers() { return passengers == null ? List.of() : List.of(passengers.split(PASSENGER_SEPARATOR)); }
    int passengerCount() { return passengerCount; }
    Instant plannedStart() { return plannedStart; }
    Instant plannedEnd() { return plannedEnd; }
    boolean holidayUse() { return holidayUse; }
    TripStatus status() { return status; }
    Instant requestedAt() { return requestedAt; }
    String approvedBy() { return approvedBy; }
    Instant approvedAt() { return approvedAt; }
    String rejectionReason() { return rejectionReason; }
    UUID vehicleId() { return vehicleId; }
    String plate() { return plate; }
    UUID driverId() { return driverId; }
    String driverName() { return driverName; }
    Instant dispatchedAt() { return dispatchedAt; }
    Instant departedAt() { return departedAt; }
    Long departureOdometerKm() { return departureOdometerKm; }
    Instant returnedAt() { return returnedAt; }
    Long returnOdometerKm() { return returnOdometerKm; }
    String route() { return route; }
    BigDecimal fuelLitres() { return fuelLitres; }
    Boolean fuelEstimated() { return fuelEstimated; }
    BigDecimal tollsYuan() { return tollsYuan; }
    BigDecimal parkingYuan() { return parkingYuan; }
    BigDecimal fuelCostYuan() { return fuelCostYuan; }
    BigDecimal otherCostYuan() { return otherCostYuan; }
    BigDecimal costYuan() { return costYuan; }
    Instant completedAt() { return completedAt; }
    String cancelReason() { return cancelReason; }
    String sourceId() { return sourceId; }
    List<TripTransition> transitions() { return List.copyOf(transitions); }
}
