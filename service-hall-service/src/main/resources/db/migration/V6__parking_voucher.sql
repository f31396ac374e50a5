-- 停车优惠: a one-time code for an applicant served at the hall, one per ticket, expiring.
CREATE TABLE parking_voucher (
    id               CHAR(36)     NOT NULL PRIMARY KEY,
    town_code        VARCHAR(12)  NOT NULL,
    code             VARCHAR(16)  NOT NULL,
    ticket_id        CHAR(36)     NOT NULL,
    discount_minutes INT          NOT NULL,
    issued_at        TIMESTAMP(6) NOT NULL,
    issued_by        VARCHAR(100) NOT NULL,
    expires_at       TIMESTAMP(6) NOT NULL,
    redeemed_at      TIMESTAMP(6) NULL,
    redeemed_by      VARCHAR(100) NULL,
    version          BIGINT       NOT NULL,
    UNIQUE KEY uk_parking_voucher_code (code),
    UNIQUE KEY uk_parking_voucher_ticket (ticket_id),
    KEY ix_parking_voucher_town_issued (town_code, issued_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
