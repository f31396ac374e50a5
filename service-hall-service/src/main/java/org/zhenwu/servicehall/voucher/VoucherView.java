package org.zhenwu.servicehall.voucher;

import java.time.Instant;
import java.util.UUID;

public record VoucherView(UUID id, String town, String code, UUID ticketId, int discountMinutes, Instant issuedAt,
                          Instant expiresAt, Instant redeemedAt, VoucherStatus status) {
    static VoucherView of(ParkingVoucher v, Instant now) {
        return new VoucherView(v.id(), v.townCode(), v.code(), v.ticketId(), v.discountMinutes(), v.issuedAt(),
                v.expiresAt(), v.redeemedAt(), v.status(now));
    }
}
