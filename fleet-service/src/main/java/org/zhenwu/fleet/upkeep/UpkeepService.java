package org.zhenwu.fleet.upkeep;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.fleet.alert.AlertKind;
import org.zhenwu.fleet.alert.AlertService;
import org.zhenwu.fleet.driver.DriverFacts;
import org.zhenwu.fleet.driver.DriverService;
import org.zhenwu.fleet.fuelcard.FuelCardService;
import org.zhenwu.fleet.platform.FleetRuleViolation;
import org.zhenwu.fleet.provider.ProviderKind;
import org.zhenwu.fleet.provider.ProviderService;
import org.zhenwu.fleet.trip.TripService;
import org.zhenwu.fleet.vehicle.VehicleFacts;
import org.zhenwu.fleet.vehicle.VehicleService;
import org.zhenwu.fleet.vehicle.VehicleStatus;
import org.zhenwu.platform.calendar.WorkingDayCalendar;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.platform.web.NotFoundException;

/**
 * Refuels, repairs and insurance: only at the town's designated providers, and watched. A refuel larger than the
 * tank, consumption far from the norm, a meter going backwards or a refuel with no trip since the last one raise
 * alerts in the refuel's own transaction; the expiry check raises licence and insurance alerts.
 */
@Service
public class UpkeepService {
    private static final String[] MANAGERS = {Roles.FLEET_MANAGER, Roles.DISTRICT_ADMIN};
    private static final String[] LEADERS = {Roles.TOWN_LEADER, Roles.DISTRICT_ADMIN};
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final RefuelRepository refuels;
    private final RepairRepository repairs;
    private final InsurancePolicyRepository policies;
    private final VehicleService vehicles;
    private final DriverService drivers;
    private final ProviderService providers;
    private final FuelCardService fuelCards;
    private final TripService trips;
    private final AlertService alerts;
    private final Jurisdictions jurisdictions;
    private final UpkeepProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;

    UpkeepService(RefuelRepository refuels, RepairRepository repairs, InsurancePolicyRepository policies,
                  VehicleService vehicles, DriverService drivers, ProviderService providers, FuelCardService fuelCards,
                  TripService trips, AlertService alerts, Jurisdictions jurisdictions, UpkeepProperties properties,
                  JdbcClient jdbc, Clock clock) {
        this.refuels = refuels;
        this.repairs = repairs;
        this.policies = policies;
        this.vehicles = vehicles;
        this.drivers = drivers;
        this.providers = providers;
        this.fuelCards = fuelCards;
        this.trips = trips;
        this.alerts = alerts;
        this.jurisdictions = jurisdictions;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ---- refuels ------------------------------------------------------------------------------------------------

    /** 加油: at a designated station, with a usable fuel card and a meter reading. */
    @Transactional
    RefuelView refuel(Caller caller, String town, RefuelInput in) {
        caller.requireAnyRole(MANAGERS);
        String townCode = jurisdictions.townForWrite(caller, town);
        Instant at = notInFuture(in.refuelledAt());
        VehicleFacts vehicle = vehicle(townCode, in.vehicleId());
        String station = providers.requireDesignated(townCode, in.providerId(), ProviderKind.FUEL_STATION, day(at));
        fuelCards.requireUsable(townCode, in.fuelCardId(), in.vehicleId());
        Optional<Refuel> previous = refuels.findTopByVehicleIdAndRefuelledAtBeforeOrderByRefuelledAtDescIdDesc(
                in.vehicleId(), at);
        Refuel refuel = refuels.save(new Refuel(UUID.randomUUID(), townCode, in.vehicleId(), in.providerId(),
                in.fuelCardId(), at, in.litres(), in.amountYuan(), in.odometerKm(), caller.subject(), clock.instant()));

        List<AlertKind> raised = new ArrayList<>();
        String plate = vehicle.plate();
        if (refuel.litres().compareTo(vehicle.tankLitres()) > 0) {
            raise(raised, refuel, AlertKind.OVER_TANK, plate + " 在" + station + "加油 " + refuel.litres()
                    + " 升, 超过油箱容量 " + vehicle.tankLitres() + " 升");
        }
        long known = Math.max(previous.map(Refuel::odometerKm).orElse(0L),
                trips.highestReadingBefore(in.vehicleId(), at).orElse(0L));
        if (refuel.odometerKm() < known) {
            raise(raised, refuel, AlertKind.ODOMETER_BACKWARDS, plate + " 加油时里程 " + refuel.odometerKm()
                    + " km, 低于此前读数 " + known + " km");
        }
        if (previous.isPresent()) {
            Refuel before = previous.get();
            long distance = refuel.odometerKm() - before.odometerKm();
            if (!vehicle.isElectric() && distance >= properties.consumptionMinKm()) {
                BigDecimal per100 = refuel.litres().multiply(BigDecimal.valueOf(100))
                        .divide(BigDecimal.valueOf(distance), 2, RoundingMode.HALF_UP);
                BigDecimal deviation = per100.subtract(vehicle.fuelPer100kmNorm()).abs().multiply(BigDecimal.valueOf(100))
                        .divide(vehicle.fuelPer100kmNorm(), 0, RoundingMode.HALF_UP);
                if (deviation.intValue() > properties.consumptionTolerancePercent()) {
                    raise(raised, refuel, AlertKind.CONSUMPTION_OFF_NORM, plate + " 两次加油间 " + distance
                            + " km 百公里油耗 " + per100 + " 升, 定额 " + vehicle.fuelPer100kmNorm() + " 升, 偏差 "
                            + deviation + "%");
                }
            }
            if (!trips.vehicleDrivenBetween(in.vehicleId(), before.refuelledAt(), at)) {
                raise(raised, refuel, AlertKind.REFUEL_WITHOUT_TRIP, plate + " 自上次加油 (" + before.refuelledAt()
                        + ") 以来无出车记录");
            }
        }
        vehicles.recordOdometer(in.vehicleId(), refuel.odometerKm());
        return RefuelView.of(refuel, station, raised);
    }

    @Transactional(readOnly = true)
    List<RefuelView> refuels(Caller caller, String town, UUID vehicleId) {
        var scope = jurisdictions.readScope(caller, town).codes();
        return (vehicleId == null ? refuels.findTop500ByTownCodeInOrderByRefuelledAtDescIdAsc(scope)
                : refuels.findTop500ByTownCodeInAndVehicleIdOrderByRefuelledAtDescIdAsc(scope, vehicleId))
                .stream().map(r -> RefuelView.of(r, null, List.of())).toList();
    }

    // ---- repairs ------------------------------------------------------------------------------------------------

    /** 维修 at a designated garage; above the threshold it waits for a leader's approval. */
    @Transactional
    Repair recordRepair(Caller caller, String town, RepairInput in) {
        caller.requireAnyRole(MANAGERS);
        String townCode = jurisdictions.townForWrite(caller, town);
        vehicle(townCode, in.vehicleId());
        providers.requireDesignated(townCode, in.providerId(), ProviderKind.GARAGE, in.repairedOn());
        return repairs.save(Repair.record(UUID.randomUUID(), townCode, in.vehicleId(), in.providerId(), in.repairedOn(),
                in.description(), in.amountYuan(), properties.repairApprovalYuan(), caller.subject(), clock.instant()));
    }

    @Transactional
    Repair approveRepair(Caller caller, UUID id, String note) {
        Repair repair = repairForLeader(caller, id);
        repair.approve(caller.subject(), note, clock.instant());
        return repair;
    }

    @Transactional
    Repair rejectRepair(Caller caller, UUID id, String reason) {
        Repair repair = repairForLeader(caller, id);
        repair.reject(caller.subject(), reason, clock.instant());
        return repair;
    }

    @Transactional(readOnly = true)
    List<Repair> repairs(Caller caller, String town, UUID vehicleId) {
        var scope = jurisdictions.readScope(caller, town).codes();
        return vehicleId == null ? repairs.findTop500ByTownCodeInOrderByRepairedOnDescIdAsc(scope)
                : repairs.findTop500ByTownCodeInAndVehicleIdOrderByRepairedOnDescIdAsc(scope, vehicleId);
    }

    // ---- insurance ----------------------------------------------------------------------------------------------

    /** A policy with a designated insurer, designated on the day it starts. */
    @Transactional
    InsurancePolicy recordPolicy(Caller caller, String town, PolicyInput in) {
        caller.requireAnyRole(MANAGERS);
        String townCode = jurisdictions.townForWrite(caller, town);
        vehicle(townCode, in.vehicleId());
        providers.requireDesignated(townCode, in.providerId(), ProviderKind.INSURER, in.startsOn());
        if (policies.existsByTownCodeAndPolicyNumber(townCode, in.policyNumber())) {
            throw new FleetRuleViolation("duplicate-policy", "policyNumber", "Policy " + in.policyNumber()
                    + " is already recorded");
        }
        return policies.save(new InsurancePolicy(UUID.randomUUID(), townCode, in.vehicleId(), in.providerId(),
                in.policyNumber(), in.kind(), in.startsOn(), in.endsOn(), in.premiumYuan(), caller.subject(),
                clock.instant()));
    }

    @Transactional(readOnly = true)
    List<InsurancePolicy> policies(Caller caller, String town, UUID vehicleId) {
        var scope = jurisdictions.readScope(caller, town).codes();
        return vehicleId == null ? policies.findTop500ByTownCodeInOrderByStartsOnDescIdAsc(scope)
                : policies.findTop500ByTownCodeInAndVehicleIdOrderByStartsOnDescIdAsc(scope, vehicleId);
    }

    // ---- the expiry check -----------------------------------------------------------------------------------------

    /**
     * Raises LICENCE_EXPIRING for drivers whose licence ends within the warning days, and INSURANCE_EXPIRING for
     * policies that end within them with no later policy of the same kind for the vehicle. Each fact raises one alert
     * however often the check runs and in however many instances (the alert's dedupe key).
     *
     * @return how many alerts were new
     */
    public int checkExpiries() {
        LocalDate today = day(clock.instant());
        LocalDate horizon = today.plusDays(properties.expiryWarningDays());
        int raised = 0;
        for (DriverFacts d : drivers.licencesExpiringBy(horizon)) {
            raised += alerts.raise(new AlertService.NewAlert(d.town(), AlertKind.LICENCE_EXPIRING, null, null, d.id(),
                    "驾驶员 " + d.name() + " 的驾驶证 " + (d.licenceExpiresOn().isBefore(today) ? "已于 " : "将于 ")
                            + d.licenceExpiresOn() + " 到期", "LICENCE_EXPIRING:" + d.id() + ":" + d.licenceExpiresOn()))
                    .isPresent() ? 1 : 0;
        }
        List<ExpiringPolicy> ending = jdbc.sql("""
                SELECT p.town_code, p.vehicle_id, p.policy_number, p.kind, p.ends_on FROM insurance_policy p
                WHERE p.ends_on BETWEEN ? AND ? AND NOT EXISTS (SELECT 1 FROM insurance_policy n
                      WHERE n.vehicle_id = p.vehicle_id AND n.kind = p.kind AND n.ends_on > p.ends_on)
                ORDER BY p.ends_on, p.id""")
                .params(today.minusDays(properties.expiryWarningDays()), horizon)
                .query((rs, i) -> new ExpiringPolicy(rs.getString("town_code"), UUID.fromString(rs.getString("vehicle_id")),
                        rs.getString("policy_number"), InsuranceKind.valueOf(rs.getString("kind")),
                        rs.getObject("ends_on", LocalDate.class))).list();
        for (ExpiringPolicy p : ending) {
            Optional<VehicleFacts> vehicle = vehicles.facts(p.town(), p.vehicleId());
            if (vehicle.isEmpty() || vehicle.get().status() == VehicleStatus.DISPOSED) {
                continue;
            }
            raised += alerts.raise(new AlertService.NewAlert(p.town(), AlertKind.INSURANCE_EXPIRING, p.vehicleId(), null,
                    null, vehicle.get().plate() + " 的" + (p.kind() == InsuranceKind.COMPULSORY ? "交强险" : "商业险")
                    + " (保单 " + p.policyNumber() + ") 将于 " + p.endsOn() + " 到期, 尚无续保",
                    "INSURANCE_EXPIRING:" + p.vehicleId() + ":" + p.kind() + ":" + p.endsOn())).isPresent() ? 1 : 0;
        }
        return raised;
    }

    private record ExpiringPolicy(String town, UUID vehicleId, String policyNumber, InsuranceKind kind, LocalDate endsOn) {
    }

    // ---- internals ----------------------------------------------------------------------------------------------

    private void raise(List<AlertKind> raised, Refuel refuel, AlertKind kind, String detail) {
        alerts.raise(new AlertService.NewAlert(refuel.townCode(), kind, refuel.vehicleId(), null, null, detail, null));
        raised.add(kind);
    }

    private VehicleFacts vehicle(String town, UUID vehicleId) {
        return vehicles.facts(town, vehicleId).orElseThrow(() ->
                new InvalidFieldException("vehicleId", "town " + town + " has no vehicle " + vehicleId));
    }

    private Repair repairForLeader(Caller caller, UUID id) {
        caller.requireAnyRole(LEADERS);
        return repairs.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Repair", id));
    }

    private Instant notInFuture(Instant at) {
        Instant now = clock.instant();
        if (at == null) {
            return now;
        }
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidFieldException("refuelledAt", "is in the future");
        }
        return at;
    }

    private static LocalDate day(Instant at) {
        return at.atZone(WorkingDayCalendar.ZONE).toLocalDate();
    }

    record RefuelInput(UUID vehicleId, UUID providerId, UUID fuelCardId, Instant refuelledAt, BigDecimal litres,
                       BigDecimal amountYuan, long odometerKm) {
    }

    record RepairInput(UUID vehicleId, UUID providerId, LocalDate repairedOn, String description, BigDecimal amountYuan) {
    }

    record PolicyInput(UUID vehicleId, UUID providerId, String policyNumber, InsuranceKind kind, LocalDate startsOn,
                       LocalDate endsOn, BigDecimal premiumYuan) {
    }

    /** A refuel as handed out, with the alerts it raised (when just recorded). */
    record RefuelView(UUID id, String town, UUID vehicleId, UUID providerId, String station, UUID fuelCardId,
                      Instant refuelledAt, BigDecimal litres, BigDecimal amountYuan, BigDecimal pricePerLitre,
                      long odometerKm, List<AlertKind> alerts) {
        static RefuelView of(Refuel r, String station, List<AlertKind> alerts) {
            return new RefuelView(r.id(), r.townCode(), r.vehicleId(), r.providerId(), station, r.fuelCardId(),
                    r.refuelledAt(), r.litres(), r.amountYuan(), r.litres().signum() == 0 ? null
                    : r.amountYuan().divide(r.litres(), 2, RoundingMode.HALF_UP), r.odometerKm(), List.copyOf(alerts));
        }
    }
}
