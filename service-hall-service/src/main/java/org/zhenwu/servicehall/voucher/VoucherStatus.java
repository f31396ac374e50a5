package org.zhenwu.servicehall.voucher;

/** What a voucher's code is worth at the gate now. */
public enum VoucherStatus {
    VALID, REDEEMED, EXPIRED
}
