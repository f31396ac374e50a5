-- 12345 work orders (工单). One row per order; its transitions are the audit trail.
CREATE TABLE work_order (
    id                 CHAR(36)     NOT NULL PRIMARY KEY,
    town_code          VARCHAR(12)  NOT NULL,
    order_number       VARCHAR(40)  NOT NULL,
    order_type         VARCHAR(20)  NOT NULL,
    channel            VARCHAR(20)  NOT NULL,
    category           VARCHAR(100) NOT NULL,
    urgency            VARCHAR(10)  NOT NULL,
    status             VARCHAR(20)  NOT NULL,
    caller_name        VARCHAR(50)  NULL,
    caller_phone       VARCHAR(20)  NULL,
    caller_confidential BOOLEAN     NOT NULL DEFAULT FALSE,
    location           VARCHAR(200) NULL,
    content            TEXT         NOT NULL,
    department         VARCHAR(100) NULL,
    accepted_at        TIMESTAMP(6) NOT NULL,
    due_date           DATE         NOT NULL,
    created_by         VARCHAR(100) NOT NULL,
    version            BIGINT       NOT NULL,
    UNIQUE KEY uk_work_order_number (order_number),
    KEY ix_work_order_town_accepted (town_code, accepted_at),
    KEY ix_work_order_town_status_due (town_code, status, due_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE work_order_transition (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    work_order_id CHAR(36)     NOT NULL,
    from_status   VARCHAR(20)  NULL,
    to_status     VARCHAR(20)  NOT NULL,
    actor         VARCHAR(100) NOT NULL,
    note          VARCHAR(2000) NULL,
    at            TIMESTAMP(6) NOT NULL,
    KEY ix_work_order_transition_order (work_order_id, id),
    CONSTRAINT fk_transition_work_order FOREIGN KEY (work_order_id) REFERENCES work_order (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Gapless daily order numbers per town: <town>-<yyyyMMdd>-<seq>.
CREATE TABLE work_order_counter (
    town_code VARCHAR(12) NOT NULL,
    day       DATE        NOT NULL,
    last_seq  INT         NOT NULL,
    PRIMARY KEY (town_code, day)
) ENGINE = InnoDB;
