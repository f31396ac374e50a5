package org.zhenwu.fleet.upkeep;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.zhenwu.platform.web.InvalidFieldException;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An insurance policy of a vehicle with a designated insurer, for a period. Append-only. */
@Entity
@Table(name = "insurance_policy")
class InsurancePolicy {
    @Id
    private UUID id;
    private String townCode;
    private UUID vehicleId;
    private UUID providerId;
    private String policyNumber;
    @Enumerated(EnumType.STRING)
    private InsuranceKind kind;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private BigDecimal premiumYuan;
    private Instant recordedAt;
    private String recordedBy;

    protected InsurancePolicy() {
        // for JPA
    }

    InsurancePolicy(UUID id, String townCode, UUID vehicleId, UUID providerId, String policyNumber, InsuranceKind kind,
                    LocalDate startsOn, LocalDate endsOn, BigDecimal premiumYuan, String recordedBy, Instant recordedAt) {
        if (!endsOn.isAfter(startsOn)) {
            throw new InvalidFieldException("endsOn", "must be after startsOn");
        }
        this.id = id;
        this.townCode = townCode;
        this.vehicleId = vehicleId;
        this.providerId = providerId;
        this.policyNumber = policyNumber;
        this.kind = kind;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.premiumYuan = premiumYuan.setScale(2, RoundingMode.HALF_UP);
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    UUID vehicleId() { return vehicleId; }
    UUID providerId() { return providerId; }
    String policyNumber() { return policyNumber; }
    InsuranceKind kind() { return kind; }
    LocalDate startsOn() { return startsOn; }
    LocalDate endsOn() { return endsOn; }
    BigDecimal premiumYuan() { return premiumYuan; }
}
