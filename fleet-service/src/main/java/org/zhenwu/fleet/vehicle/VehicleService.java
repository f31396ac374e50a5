package org.zhenwu.fleet.vehicle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.contracts.fleet.v1.FleetTopics;
import org.zhenwu.contracts.fleet.v1.VehicleRegistered;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.outbox.Outbox;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.platform.web.NotFoundException;

/** The vehicle register's public API. Every method checks the caller's town; writes also the role. */
@Service
public class VehicleService {
    private static final String[] MANAGERS = {Roles.FLEET_MANAGER, Roles.DISTRICT_ADMIN};

    private static final String FACTS = """
            SELECT id, town_code, plate, vehicle_class, status, seats, tank_litres, fuel_per_100km_norm, odometer_km
            FROM vehicle""";

    private final VehicleRepository vehicles;
    private final Jurisdictions jurisdictions;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final Clock clock;

    VehicleService(VehicleRepository vehicles, Jurisdictions jurisdictions, Outbox outbox, JdbcClient jdbc, Clock clock) {
        this.vehicles = vehicles;
        this.jurisdictions = jurisdictions;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // ---- for other features: trips, fuel cards, upkeep ----------------------------------------------------

    /**
     * Locks the vehicle's row until the caller's transaction ends and returns it as it is now. Every booking of a
     * vehicle runs under this lock, so at most one transaction, in any instance of the service, checks and books a
     * given vehicle at a time. Callers lock the vehicle before the driver (one order everywhere: no deadlock).
     *
     * @throws InvalidFieldException (field {@code vehicleId}) when the town has no such vehicle
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public VehicleFacts lockForBooking(String town, UUID vehicleId) {
        return jdbc.sql(FACTS + " WHERE id = ? AND town_code = ? FOR UPDATE")
                .params(vehicleId.toString(), town).query(VehicleService::facts).optional()
                .orElseThrow(() -> new InvalidFieldException("vehicleId", "town " + town + " has no vehicle " + vehicleId));
    }

    @Transactional(readOnly = true)
    public Optional<VehicleFacts> facts(String town, UUID vehicleId) {
        return jdbc.sql(FACTS + " WHERE id = ? AND town_code = ?")
                .params(vehicleId.toString(), town).query(VehicleService::facts).optional();
    }

    /** The vehicle in service that carries the plate (written any usual way), for imports. */
    @Transactional(readOnly = true)
    public Optional<VehicleFacts> byPlate(String town, String plate) {
        return jdbc.sql(FACTS + " WHERE plate_in_use = ? AND town_code = ?")
                .params(Plate.parse(plate).value(), town).query(VehicleService::facts).optional();
    }

    /**
     * A meter reading from a return or a refuel. The register keeps the highest reading seen: a lower one is kept
     * where it was read and raises an alert there, but never winds the register back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordOdometer(UUID vehicleId, long km) {
        jdbc.sql("UPDATE vehicle SET odometer_km = ?, version = version + 1 WHERE id = ? AND odometer_km < ?")
                .params(km, vehicleId.toString(), km).update();
    }

    private static VehicleFacts facts(ResultSet rs, int row) throws SQLException {
        int seats = rs.getInt("seats");
        return new VehicleFacts(UUID.fromString(rs.getString("id")), rs.getString("town_code"), rs.getString("plate"),
                VehicleClass.valueOf(rs.getString("vehicle_class")), VehicleStatus.valueOf(rs.getString("status")),
                rs.wasNull() ? null : seats, rs.getBigDecimal("tank_litres"), rs.getBigDecimal("fuel_per_100km_norm"),
                rs.getLong("odometer_km"));
    }

    // ---- the register ---------------------------------------------------------------------------------------

    @Transactional
    Vehicle register(Caller caller, String town, Vehicle.Registration registration) {
        caller.requireAnyRole(MANAGERS);
        String townCode = jurisdictions.townForWrite(caller, town);
        Vehicle vehicle = Vehicle.register(UUID.randomUUID(), townCode, registration, caller.subject(), clock.instant());
        String plate = registration.plate().value();
        if (vehicles.existsByPlateAndStatusNot(plate, VehicleStatus.DISPOSED)) {
            throw new DuplicatePlate(plate);
        }
        try {
            vehicles.saveAndFlush(vehicle);
        } catch (DataIntegrityViolationException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            // the unique key on plates in use caught a concurrent twin the check above could not see
            throw new DuplicatePlate(plate);
        }
        publish(vehicle);
        return vehicle;
    }

    @Transactional
    Vehicle sendToRepair(Caller caller, UUID id, String note) {
        Vehicle vehicle = findForWrite(caller, id);
        vehicle.sendToRepair(caller.subject(), note, clock.instant());
        publish(vehicle);
        return vehicle;
    }

    @Transactional
    Vehicle completeRepair(Caller caller, UUID id, String note) {
        Vehicle vehicle = findForWrite(caller, id);
        vehicle.completeRepair(caller.subject(), note, clock.instant());
        publish(vehicle);
        return vehicle;
    }

    @Transactional
    Vehicle seal(Caller caller, UUID id, String reason) {
        Vehicle vehicle = findForWrite(caller, id);
        vehicle.seal(caller.subject(), reason, clock.instant());
        publish(vehicle);
        return vehicle;
    }

    @Transactional
    Vehicle unseal(Caller caller, UUID id, String note) {
        Vehicle vehicle = findForWrite(caller, id);
        vehicle.unseal(caller.subject(), note, clock.instant());
        publish(vehicle);
        return vehicle;
    }

    @Transactional
    Vehicle dispose(Caller caller, UUID id, String reason) {
        Vehicle vehicle = findForWrite(caller, id);
        vehicle.dispose(caller.subject(), reason, clock.instant());
        publish(vehicle);
        return vehicle;
    }

    @Transactional(readOnly = true)
    Vehicle get(Caller caller, UUID id) {
        Vehicle vehicle = find(caller, id);
        vehicle.transitions().size(); // the audit trail is shown with the vehicle
        return vehicle;
    }

    @Transactional(readOnly = true)
    Page<Vehicle> list(Caller caller, String town, VehicleStatus status, int page, int size) {
        var scope = jurisdictions.readScope(caller, town);
        PageRequest request = PageRequest.of(page, size);
        return status == null
                ? vehicles.findByTownCodeInOrderByTownCodeAscPlateAsc(scope.codes(), request)
                : vehicles.findByTownCodeInAndStatusOrderByTownCodeAscPlateAsc(scope.codes(), status, request);
    }

    private Vehicle findForWrite(Caller caller, UUID id) {
        caller.requireAnyRole(MANAGERS);
        return find(caller, id);
    }

    private Vehicle find(Caller caller, UUID id) {
        return vehicles.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Vehicle", id));
    }

    /** MySQL's and MariaDB's ER_DUP_ENTRY, however the JPA layer wrapped it. */
    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == 1062) {
                return true;
            }
        }
        return false;
    }

    private void publish(Vehicle vehicle) {
        for (VehicleEvent event : vehicle.pullEvents()) {
            if (event instanceof VehicleEvent.Registered r) {
                outbox.append(FleetTopics.VEHICLE_EVENTS, vehicle.id().toString(), VehicleRegistered.TYPE,
                        VehicleRegistered.of(vehicle.townCode(), vehicle.id(), vehicle.plate(),
                                vehicle.vehicleClass().name(), vehicle.category().name(), vehicle.marked(),
                                vehicle.tankLitres(), vehicle.fuelPer100kmNorm(), vehicle.odometerKm(), r.occurredAt()));
            }   // status changes stay internal until trips and cost accounting consume them
        }
    }
}
