package org.zhenwu.fleet.driver;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.fleet.platform.FleetErrors;
import org.zhenwu.fleet.platform.FleetRuleViolation;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.platform.web.NotFoundException;

/** The drivers' register. Fleet managers write; everyone of the town reads. */
@Service
public class DriverService {
    private static final String[] MANAGERS = {Roles.FLEET_MANAGER, Roles.DISTRICT_ADMIN};
    private static final String FACTS = """
            SELECT id, town_code, name, status, licence_class, licence_expires_on FROM driver""";

    private final DriverRepository drivers;
    private final Jurisdictions jurisdictions;
    private final JdbcClient jdbc;
    private final Clock clock;

    DriverService(DriverRepository drivers, Jurisdictions jurisdictions, JdbcClient jdbc, Clock clock) {
        this.drivers = drivers;
        this.jurisdictions = jurisdictions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    Driver register(Caller caller, String town, Driver.Registration registration) {
        caller.requireAnyRole(MANAGERS);
        String townCode = jurisdictions.townForWrite(caller, town);
        if (drivers.existsByTownCodeAndLicenceNumber(townCode, registration.licenceNumber())) {
            throw duplicateLicence();
        }
        Driver driver = Driver.register(UUID.randomUUID(), townCode, registration, caller.subject(), clock.instant());
        try {
            return drivers.saveAndFlush(driver);
        } catch (DataIntegrityViolationException e) {
            if (FleetErrors.isDuplicateKey(e)) {
                throw duplicateLicence();
            }
            throw e;
        }
    }

    @Transactional
    Driver suspend(Caller caller, UUID id, String reason) {
        Driver driver = findForWrite(caller, id);
        driver.suspend(reason);
        return driver;
    }

    @Transactional
    Driver reinstate(Caller caller, UUID id, String note) {
        Driver driver = findForWrite(caller, id);
        driver.reinstate(note);
        return driver;
    }

    @Transactional
    Driver retire(Caller caller, UUID id, String reason) {
        Driver driver = findForWrite(caller, id);
        driver.retire(reason);
        return driver;
    }

    @Transactional
    Driver renewLicence(Caller caller, UUID id, LicenceClass licenceClass, LocalDate expiresOn) {
        Driver driver = findForWrite(caller, id);
        driver.renewLicence(licenceClass, expiresOn);
        return driver;
    }

    @Transactional(readOnly = true)
    Driver get(Caller caller, UUID id) {
        return find(caller, id);
    }

    @Transactional(readOnly = true)
    Page<Driver> list(Caller caller, String town, DriverStatus status, int page, int size) {
        var scope = jurisdictions.readScope(caller, town).codes();
        PageRequest request = PageRequest.of(page, size);
        return status == null ? drivers.findByTownCodeInOrderByTownCodeAscNameAsc(scope, request)
                : drivers.findByTownCodeInAndStatusOrderByTownCodeAscNameAsc(scope, status, request);
    }

    // ---- for trips and the expiry job -----------------------------------------------------------------------

    /**
     * Locks the driver's row until the caller's transaction ends (after the vehicle's: one order everywhere) and
     * returns the driver as they are now. Every booking of a driver runs under this lock.
     *
     * @throws InvalidFieldException (field {@code driverId}) when the town has no such driver
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public DriverFacts lockForBooking(String town, UUID driverId) {
        return jdbc.sql(FACTS + " WHERE id = ? AND town_code = ? FOR UPDATE")
                .params(driverId.toString(), town).query(DriverService::facts).optional()
                .orElseThrow(() -> new InvalidFieldException("driverId", "town " + town + " has no driver " + driverId));
    }

    /** The driver holding that licence in the town, for imports. */
    @Transactional(readOnly = true)
    public Optional<DriverFacts> byLicenceNumber(String town, String licenceNumber) {
        return jdbc.sql(FACTS + " WHERE town_code = ? AND licence_number = ?")
                .params(town, licenceNumber).query(DriverService::facts).optional();
    }

    /** Drivers still in the pool whose licence expires by that day (or has expired), in every town. */
    @Transactional(readOnly = true)
    public List<DriverFacts> licencesExpiringBy(LocalDate day) {
        return jdbc.sql(FACTS + " WHERE status <> 'RETIRED' AND licence_expires_on <= ? ORDER BY licence_expires_on, id")
                .param(day).query(DriverService::facts).list();
    }

    private static DriverFacts facts(ResultSet rs, int row) throws SQLException {
        return new DriverFacts(UUID.fromString(rs.getString("id")), rs.getString("town_code"), rs.getString("name"),
                DriverStatus.valueOf(rs.getString("status")), LicenceClass.valueOf(rs.getString("licence_class")),
                rs.getObject("licence_expires_on", LocalDate.class));
    }

    private Driver findForWrite(Caller caller, UUID id) {
        caller.requireAnyRole(MANAGERS);
        return find(caller, id);
    }

    private Driver find(Caller caller, UUID id) {
        return drivers.findByIdAndTownCodeIn(id, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Driver", id));
    }

    private static FleetRuleViolation duplicateLicence() {
        return new FleetRuleViolation("duplicate-licence", "licenceNumber",
                "A driver with this licence number is already registered in the town");
    }
}
