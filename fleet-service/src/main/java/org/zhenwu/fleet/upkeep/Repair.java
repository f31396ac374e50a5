package org.zhenwu.fleet.upkeep;

import java.math.BigDecimal;
import java.math.RoundingMode;
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

/** A repair (维修) at a designated garage. Only approved repairs count in the vehicle's accounts. */
@Entity
@Table(name = "repair")
class Repair {
    @Id
    private UUID id;
    private String townCode;
    private UUID vehicleId;
    private UUID providerId;
    private LocalDate repairedOn;
    private String description;
    private BigDecimal amountYuan;
    @Enumerated(EnumType.STRING)
    private RepairStatus status;
    private String decidedBy;
    private Instant decidedAt;
    private String decisionNote;
    private Instant recordedAt;
    private String recordedBy;
    @Version
    private long version;

    protected Repair() {
        // for JPA
    }

    /** Above {@code approvalThreshold} yuan it waits for a leader's approval (送修审批). */
    static Repair record(UUID id, String townCode, UUID vehicleId, UUID providerId, LocalDate repairedOn,
                         String description, BigDecimal amountYuan, BigDecimal approvalThreshold, String actor,
                         Instant now) {
        Repair r = new Repair();
        r.id = id;
        r.townCode = townCode;
        r.vehicleId = vehicleId;
        r.providerId = providerId;
        r.repairedOn = repairedOn;
        r.description = description;
        r.amountYuan = amountYuan.setScale(2, RoundingMode.HALF_UP);
        r.status = amountYuan.compareTo(approvalThreshold) > 0 ? RepairStatus.PENDING_APPROVAL : RepairStatus.APPROVED;
        r.recordedAt = now;
        r.recordedBy = actor;
        return r;
    }

    void approve(String leader, String note, Instant now) {
        decide(RepairStatus.APPROVED, leader, note, now);
    }

    void reject(String leader, String reason, Instant now) {
        decide(RepairStatus.REJECTED, leader, reason, now);
    }

    private void decide(RepairStatus next, String leader, String note, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalTransitionException("Repair", id, status, next);
        }
        status = next;
        decidedBy = leader;
        decidedAt = now;
        decisionNote = note;
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    UUID vehicleId() { return vehicleId; }
    UUID providerId() { return providerId; }
    LocalDate repairedOn() { return repairedOn; }
    String description() { return description; }
    BigDecimal amountYuan() { return amountYuan; }
    RepairStatus status() { return status; }
    String decidedBy() { return decidedBy; }
    Instant decidedAt() { return decidedAt; }
    String decisionNote() { return decisionNote; }
}
