package org.zhenwu.fleet.upkeep;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One refuel (加油记录) at a designated station with a fuel card and a meter reading. Append-only. */
@Entity
@Table(name = "refuel")
class Refuel {
    @Id
    private UUID id;
    private String townCode;
    private UUID vehicleId;
    private UUID providerId;
    private UUID fuelCardId;
    private Instant refuelledAt;
    private BigDecimal litres;
    private BigDecimal amountYuan;
    private long odometerKm;
    private Instant recordedAt;
    private String recordedBy;

    protected Refuel() {
        // for JPA
    }

    Refuel(UUID id, String townCode, UUID vehicleId, UUID providerId, UUID fuelCardId, Instant refuelledAt,
           BigDecimal litres, BigDecimal amountYuan, long odometerKm, String recordedBy, Instant recordedAt) {
        this.id = id;
        this.townCode = townCode;
        this.vehicleId = vehicleId;
        this.providerId = providerId;
        this.fuelCardId = fuelCardId;
        this.refuelledAt = refuelledAt;
        this.litres = litres.setScale(2, RoundingMode.HALF_UP);
        this.amountYuan = amountYuan.setScale(2, RoundingMode.HALF_UP);
        this.odometerKm = odometerKm;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    UUID vehicleId() { return vehicleId; }
    UUID providerId() { return providerId; }
    UUID fuelCardId() { return fuelCardId; }
    Instant refuelledAt() { return refuelledAt; }
    BigDecimal litres() { return litres; }
    BigDecimal amountYuan() { return amountYuan; }
    long odometerKm() { return odometerKm; }
    String recordedBy() { return recordedBy; }
}
