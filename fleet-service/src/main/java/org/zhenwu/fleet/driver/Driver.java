package org.zhenwu.fleet.driver;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.zhenwu.platform.web.IllegalTransitionException;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A driver of a town's vehicle pool (驾驶员). Status changes only through {@link #moveTo}. */
@Entity
@Table(name = "driver")
class Driver {
    @Id
    private UUID id;
    private String townCode;
    private String name;
    private String phone;
    private String licenceNumber;
    @Enumerated(EnumType.STRING)
    private LicenceClass licenceClass;
    private LocalDate licenceExpiresOn;
    @Enumerated(EnumType.STRING)
    private DriverStatus status;
    private String statusNote;
    private Instant registeredAt;
    private String registeredBy;
    @Version
    private long version;

    protected Driver() {
        // for JPA
    }

    static Driver register(UUID id, String townCode, Registration r, String actor, Instant now) {
        Driver d = new Driver();
        d.id = id;
        d.townCode = townCode;
        d.name = r.name();
        d.phone = r.phone();
        d.licenceNumber = r.licenceNumber();
        d.licenceClass = r.licenceClass();
        d.licenceExpiresOn = r.licenceExpiresOn();
        d.status = DriverStatus.ACTIVE;
        d.registeredAt = now;
        d.registeredBy = actor;
        return d;
    }

    void suspend(String reason) {
        moveTo(DriverStatus.SUSPENDED, reason);
    }

    void reinstate(String note) {
        moveTo(DriverStatus.ACTIVE, note);
    }

    void retire(String reason) {
        moveTo(DriverStatus.RETIRED, reason);
    }

    /** A renewed licence (换证): new class and expiry. */
    void renewLicence(LicenceClass newClass, LocalDate expiresOn) {
        licenceClass = newClass;
        licenceExpiresOn = expiresOn;
    }

    private void moveTo(DriverStatus next, String note) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("Driver", id, status, next);
        }
        status = next;
        statusNote = note;
    }

    record Registration(String name, String phone, String licenceNumber, LicenceClass licenceClass,
                        LocalDate licenceExpiresOn) {
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    String name() { return name; }
    String phone() { return phone; }
    String licenceNumber() { return licenceNumber; }
    LicenceClass licenceClass() { return licenceClass; }
    LocalDate licenceExpiresOn() { return licenceExpiresOn; }
    DriverStatus status() { return status; }
    String statusNote() { return statusNote; }
    Instant registeredAt() { return registeredAt; }
}
