-- Applications (办件): taken in at any window (一窗综办), decided by the matter's department, completed, delivered.
-- The matter's entry is copied in at intake: an application keeps the version it was accepted under.
CREATE TABLE application (
    id                  CHAR(36)     NOT NULL PRIMARY KEY,
    town_code           VARCHAR(12)  NOT NULL,
    application_number  VARCHAR(40)  NOT NULL,
    matter_id           CHAR(36)     NULL, -- null for an imported application whose matter is not in the catalogue
    matter_version      BIGINT       NOT NULL,
    matter_code         VARCHAR(64)  NOT NULL,
    matter_name         VARCHAR(200) NOT NULL,
    department          VARCHAR(100) NOT NULL,
    legal_limit_days    INT          NOT NULL,
    promised_limit_days INT          NOT NULL,
    fee_fen             BIGINT       NOT NULL,
    channel             VARCHAR(20)  NOT NULL,
    kiosk_id            CHAR(36)     NULL,
    ticket_id           CHAR(36)     NULL,
    applicant_name      VARCHAR(50)  NOT NULL,
    applicant_id_number VARCHAR(30)  NULL,
    applicant_phone     VARCHAR(20)  NULL,
    status              VARCHAR(30)  NOT NULL,
    received_at         TIMESTAMP(6) NOT NULL,
    received_by         VARCHAR(100) NOT NULL,
    notice_issued_at    TIMESTAMP(6) NULL,
    accepted_at         TIMESTAMP(6) NULL,
    accepted_on         DATE         NULL,
    due_date            DATE         NULL,
    legal_due_date      DATE         NULL,
    decided_at          TIMESTAMP(6) NULL,
    decided_by          VARCHAR(100) NULL,
    outcome             VARCHAR(20)  NULL,
    opinion             VARCHAR(2000) NULL,
    legal_basis         VARCHAR(500) NULL,
    completed_at        TIMESTAMP(6) NULL,
    completed_on        DATE         NULL,
    working_days        INT          NULL,
    on_time             BOOLEAN      NULL,
    delivered_at        TIMESTAMP(6) NULL,
    delivery_method     VARCHAR(20)  NULL,
    tracking_number     VARCHAR(64)  NULL,
    warning_level       VARCHAR(10)  NOT NULL DEFAULT 'NONE',
    source_id           VARCHAR(100) NULL,
    version             BIGINT       NOT NULL,
    UNIQUE KEY uk_application_number (application_number),
    UNIQUE KEY uk_application_source (town_code, source_id),
    -- the figures: one range scan per town and period, covering what they count
    KEY ix_application_figures (town_code, accepted_on, status, department, on_time, working_days),
    KEY ix_application_department (town_code, department, status),
    KEY ix_application_town_received (town_code, received_at),
    -- the clock job: running applications by due date
    KEY ix_application_clock (status, warning_level, due_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The matter's required materials at intake, and whether each was handed in.
CREATE TABLE application_material (
    application_id CHAR(36)     NOT NULL,
    list_index     INT          NOT NULL,
    material       VARCHAR(200) NOT NULL,
    provided       BOOLEAN      NOT NULL,
    PRIMARY KEY (application_id, list_index),
    CONSTRAINT fk_material_application FOREIGN KEY (application_id) REFERENCES application (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE application_transition (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    application_id CHAR(36)      NOT NULL,
    from_status    VARCHAR(30)   NULL,
    to_status      VARCHAR(30)   NOT NULL,
    actor          VARCHAR(100)  NOT NULL,
    note           VARCHAR(2000) NULL,
    at             TIMESTAMP(6)  NOT NULL,
    KEY ix_application_transition_application (application_id, id),
    CONSTRAINT fk_transition_application FOREIGN KEY (application_id) REFERENCES application (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Gapless daily application numbers per town: <town>-<yyyyMMdd>-<seq>.
CREATE TABLE application_counter (
    town_code VARCHAR(12) NOT NULL,
    day       DATE        NOT NULL,
    last_seq  INT         NOT NULL,
    PRIMARY KEY (town_code, day)
) ENGINE = InnoDB;
