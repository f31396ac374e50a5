package org.zhenwu.servicehall.voucher;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhenwu.platform.jurisdiction.Jurisdictions;
import org.zhenwu.platform.security.Caller;
import org.zhenwu.platform.security.Roles;
import org.zhenwu.platform.web.InvalidFieldException;
import org.zhenwu.platform.web.NotFoundException;
import org.zhenwu.servicehall.queue.QueueService;
import org.zhenwu.servicehall.queue.TicketStatus;

/** 办事停车优惠: vouchers for applicants served at the hall (their ticket is done), redeemed once at the car park's gate. */
@Service
public class ParkingVoucherService {
    /** No 0/O, 1/I/L: read out over a gate's intercom without confusion. */
    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final String[] HALL = {Roles.HALL_CLERK, Roles.DISTRICT_ADMIN};

    private final ParkingVoucherRepository vouchers;
    private final QueueService queue;
    private final Jurisdictions jurisdictions;
    private final VoucherProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ParkingVoucherService(ParkingVoucherRepository vouchers, QueueService queue, Jurisdictions jurisdictions,
                          VoucherProperties properties, Clock clock) {
        this.vouchers = vouchers;
        this.queue = queue;
        this.jurisdictions = jurisdictions;
        this.properties = properties;
        this.clock = clock;
    }

    /** One voucher per served ticket. */
    @Transactional
    public VoucherView issue(Caller caller, String town, UUID ticketId) {
        caller.requireAnyRole(HALL);
        String townCode = jurisdictions.townForWrite(caller, town);
        TicketStatus status = queue.ticketStatus(townCode, ticketId)
                .orElseThrow(() -> new InvalidFieldException("ticketId", "town " + townCode + " has no ticket " + ticketId));
        if (status != TicketStatus.DONE) {
            throw new VoucherRuleViolation("not-served", "Ticket " + ticketId + " is " + status
                    + ": vouchers are for applicants served at the hall");
        }
        if (vouchers.existsByTicketId(ticketId)) {
            throw alreadyIssued(ticketId);
        }
        Instant now = clock.instant();
        ParkingVoucher voucher = ParkingVoucher.issue(UUID.randomUUID(), townCode, newCode(), ticketId,
                properties.discountMinutes(), now.plus(properties.validity()), caller.subject(), now);
        try {
            vouchers.saveAndFlush(voucher);
        } catch (DataIntegrityViolationException e) {
            throw alreadyIssued(ticketId); // the same ticket at the same instant elsewhere (a code clash is 1 in 31^10)
        }
        return VoucherView.of(voucher, now);
    }

    /** At the gate: used once, before it expires. */
    @Transactional
    public VoucherView redeem(Caller caller, String code) {
        caller.requireAnyRole(HALL);
        ParkingVoucher voucher = find(caller, code);
        Instant now = clock.instant();
        voucher.redeem(caller.subject(), now);
        return VoucherView.of(voucher, now);
    }

    @Transactional(readOnly = true)
    public VoucherView get(Caller caller, String code) {
        return VoucherView.of(find(caller, code), clock.instant());
    }

    private ParkingVoucher find(Caller caller, String code) {
        return vouchers.findByCodeAndTownCodeIn(code, jurisdictions.readScope(caller, null).codes())
                .orElseThrow(() -> new NotFoundException("Parking voucher", code));
    }

    private String newCode() {
        char[] c = new char[10];
        for (int i = 0; i < c.length; i++) {
            c[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(c);
    }

    private static VoucherRuleViolation alreadyIssued(UUID ticketId) {
        return new VoucherRuleViolation("already-issued", "Ticket " + ticketId + " already has a parking voucher");
    }
}
