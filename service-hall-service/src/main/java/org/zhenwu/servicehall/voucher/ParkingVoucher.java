package org.zhenwu.servicehall.voucher;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A parking discount (办事停车优惠) for an applicant served at the hall: a one-time code, one per ticket, valid until
 * it expires. {@code @Version} keeps two gates from redeeming it at once.
 */
@Entity
@Table(name = "parking_voucher")
class ParkingVoucher {
    @Id
    private UUID id;
    private String townCode;
    private String code;
    private UUID ticketId;
    private int discountMinutes;
    private Instant issuedAt;
    private String issuedBy;
    private Instant expiresAt;
    private Instant redeemedAt;
    private String redeemedBy;
    @Version
    private long version;

    protected ParkingVoucher() {
        // for JPA
    }

    static ParkingVoucher issue(UUID id, String townCode, String code, UUID ticketId, int discountMinutes,
                                Instant expiresAt, String actor, Instant now) {
        ParkingVoucher v = new ParkingVoucher();
        v.id = id;
        v.townCode = townCode;
        v.code = code;
        v.ticketId = ticketId;
        v.discountMinutes = discountMinutes;
        v.issuedAt = now;
        v.issuedBy = actor;
        v.expiresAt = expiresAt;
        return v;
    }

    /** Used once, before it expires. */
    void redeem(String gate, Instant now) {
        if (redeemedAt != null) {
            throw new VoucherRuleViolation("already-redeemed", "Voucher " + code + " was used at " + redeemedAt);
        }
        if (now.isAfter(expiresAt)) {
            throw new VoucherRuleViolation("expired", "Voucher " + code + " expired at " + expiresAt);
        }
        redeemedAt = now;
        redeemedBy = gate;
    }

    VoucherStatus status(Instant now) {
        return redeemedAt != null ? VoucherStatus.REDEEMED : now.isAfter(expiresAt) ? VoucherStatus.EXPIRED : VoucherStatus.VALID;
    }

    UUID id() { return id; }
    String townCode() { return townCode; }
    String code() { return code; }
    UUID ticketId() { return ticketId; }
    int discountMinutes() { return discountMinutes; }
    Instant issuedAt() { return issuedAt; }
    Instant expiresAt() { return expiresAt; }
    Instant redeemedAt() { return redeemedAt; }
}
