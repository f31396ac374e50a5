package org.zhenwu.servicehall.voucher;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.zhenwu.platform.security.Caller;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

@RestController
@RequestMapping("/api/service-hall/parking-vouchers")
class ParkingVoucherController {
    private final ParkingVoucherService vouchers;

    ParkingVoucherController(ParkingVoucherService vouchers) {
        this.vouchers = vouchers;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    VoucherView issue(@Valid @RequestBody IssueVoucherRequest request) {
        return vouchers.issue(Caller.current(), request.town(), request.ticketId());
    }

    @GetMapping("/{code}")
    VoucherView get(@PathVariable String code) {
        return vouchers.get(Caller.current(), code);
    }

    /** At the car park's gate. */
    @PostMapping("/{code}/redemption")
    VoucherView redeem(@PathVariable String code) {
        return vouchers.redeem(Caller.current(), code);
    }

    record IssueVoucherRequest(@Pattern(regexp = "\\d{9}", message = "must be a 9-digit town code") String town,
                               @NotNull UUID ticketId) {
    }
}
