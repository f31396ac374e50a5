package org.zhenwu.fleet.vehicle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.zhenwu.platform.web.IllegalTransitionException;
import org.zhenwu.platform.web.InvalidFieldException;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
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

/** An official vehicle (公务用车) in a town's register: the aggregate root. Status changes only through {@link #moveTo}. */
@Entity
@Table(name = "vehicle")
class Vehicle {
    @Id
    private UUID id;
    private String townCode;
    private String plate;
    @Enumerated(EnumType.STRING)
    private VehicleClass vehicleClass;
    @Enumerated(EnumType.STRING)
    private VehicleCategory category;
    private boolean marked;
    private Integer seats;
    private BigDecimal tankLitres;
    @Column(name = "fuel_per_100km_norm")
    private BigDecimal fuelPer100kmNorm;
    private long odometerKm;
    @Enumerated(EnumType.STRING)
    private VehicleStatus status;
    private Instant registeredAt;
    private String registeredBy;
    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.LAZY, orphanRemoval = false)
    @JoinColumn(name = "vehicle_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<VehicleTransition> transitions = new ArrayList<>();

    @Transient
    private final List<VehicleEvent> pendingEvents = new ArrayList<>();

    protected Vehicle() {
        // for JPA
    }

    /** Enters a vehicle in the register; it can be booked at once. */
    static Vehicle register(UUID id, String townCode, Registration r, String actor, Instant now) {
        boolean noTank = r.tankLitres().signum() == 0;
        boolean noNorm = r.fuelPer100kmNorm().signum() == 0;
        if (noTank != noNorm) {
            throw new InvalidFieldException(noTank ? "fuelPer100kmNorm" : "tankLitres",
                    "tank and fuel norm are both 0 (a pure-electric vehicle) or both positive");
        }
        Vehicle v = new Vehicle();
        v.id = id;
        v.townCode = townCode;
        v.plate = r.plate().value();
        v.vehicleClass = r.vehicleClass();
        v.category = r.category();
        v.marked = r.marked();
        v.seats = r.seats();
        // the columns' scales, so a new vehicle looks the same before and after a reload
        v.tankLitres = r.tankLitres().setScale(1, RoundingMode.UNNECESSARY);
        v.fuelPer100kmNorm = r.fuelPer100kmNorm().setScale(2, RoundingMode.UNNECESSARY);
        v.odometerKm = r.odometerKm();
        v.status = VehicleStatus.AVAILABLE;
        v.registeredAt = now;
        v.registeredBy = actor;
        v.transitions.add(new VehicleTransition(null, VehicleStatus.AVAILABLE, actor, null, now));
        v.pendingEvents.add(new VehicleEvent.Registered(id, now));
        return v;
    }

    /** 送修. */
    void sendToRepair(String actor, String note, Instant now) {
        moveTo(VehicleStatus.IN_REPAIR, actor, note, now);
    }

    /** 修竣: back from the repair shop. */
    void completeRepair(String actor, String note, Instant now) {
        requireStatus(VehicleStatus.IN_REPAIR, VehicleStatus.AVAILABLE, "it is not in repair");
        moveTo(VehicleStatus.AVAILABLE, actor, note, now);
    }

    /** 封存. */
    void seal(String actor, String reason, Instant now) {
        moveTo(VehicleStatus.SEALED, actor, reason, now);
    }

    /** 启封. */
    void unseal(String actor, String note, Instant now) {
        requireStatus(VehicleStatus.SEALED, VehicleStatus.AVAILABLE, "it is not sealed");
        moveTo(VehicleStatus.AVAILABLE, actor, note, now);
    }

    /** 处置: final, from any status but DISPOSED. */
    void dispose(String actor, String reason, Instant now) {
        moveTo(VehicleStatus.DISPOSED, actor, reason, now);
    }

    List<VehicleEvent> pullEvents() {
        List<VehicleEvent> events = List.copyOf(pendingEvents);
        pendingEvents.clear();
        return events;
    }

    private void requireStatus(VehicleStatus expected, VehicleStatus next, String why) {
        if (status != expected) {
            throw new IllegalTransitionException("Vehicle", id, status.name(), next.name(),
                    "Vehicle " + id + " cannot move from " + status + " to " + next + ": " + why);
        }
    }

    private void moveTo(VehicleStatus next, String actor, String note, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("Vehicle", id, status, next);
        }
        transitions.add(new VehicleTransition(status, next, actor, note, now));
        pendingEvents.add(new VehicleEvent.StatusChanged(id, status, next, now));
        status = next;
    }

    /** What a fleet manager enters for a new vehicle; 0 tank and 0 norm for a pure-electric one. */
    record Registration(Plate plate, VehicleClass vehicleClass, VehicleCategory category, boolean marked,
                        Integer seats, BigDecimal tankLitres, BigDecimal fuelPer100kmNorm, long odometerKm) {
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    String plate() { return plate; }
    VehicleClass vehicleClass() { return vehicleClass; }
    VehicleCategory category() { return category; }
    boolean marked() { return marked; }
    Integer seats() { return seats; }
    BigDecimal tankLitres() { return tankLitres; }
    BigDecimal fuelPer100kmNorm() { return fuelPer100kmNorm; }
    long odometerKm() { return odometerKm; }
    VehicleStatus status() { return status; }
    Instant registeredAt() { return registeredAt; }
    String registeredBy() { return registeredBy; }
    List<VehicleTransition> transitions() { return List.copyOf(transitions); }
}
