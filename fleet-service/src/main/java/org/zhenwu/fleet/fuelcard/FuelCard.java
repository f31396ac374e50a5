package org.zhenwu.fleet.fuelcard;

import java.time.Instant;
import java.util.UUID;

import org.zhenwu.platform.web.IllegalTransitionException;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A town's fuel card: bound to one vehicle (一车一卡) or, without a vehicle, a pool card for any of the town's. */
@Entity
@Table(name = "fuel_card")
class FuelCard {
    @Id
    private UUID id;
    private String townCode;
    private String cardNumber;
    private String issuer;
    private UUID vehicleId;
    @Enumerated(EnumType.STRING)
    private FuelCardStatus status;
    private String statusNote;
    private Instant registeredAt;
    private String registeredBy;
    @Version
    private long version;

    protected FuelCard() {
        // for JPA
    }

    static FuelCard register(UUID id, String townCode, String cardNumber, String issuer, UUID vehicleId, String actor,
                             Instant now) {
        FuelCard c = new FuelCard();
        c.id = id;
        c.townCode = townCode;
        c.cardNumber = cardNumber;
        c.issuer = issuer;
        c.vehicleId = vehicleId;
        c.status = FuelCardStatus.ACTIVE;
        c.registeredAt = now;
        c.registeredBy = actor;
        return c;
    }

    void cancel(String reason) {
        if (!status.canMoveTo(FuelCardStatus.CANCELLED)) {
            throw new IllegalTransitionException("Fuel card", id, status, FuelCardStatus.CANCELLED);
        }
        status = FuelCardStatus.CANCELLED;
        statusNote = reason;
    }

    /** Whether a refuel of that vehicle may be paid with this card. */
    boolean fuels(UUID vehicle) {
        return status == FuelCardStatus.ACTIVE && (vehicleId == null || vehicleId.equals(vehicle));
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    String cardNumber() { return cardNumber; }
    String issuer() { return issuer; }
    UUID vehicleId() { return vehicleId; }
    FuelCardStatus status() { return status; }
    String statusNote() { return statusNote; }
    Instant registeredAt() { return registeredAt; }
}
