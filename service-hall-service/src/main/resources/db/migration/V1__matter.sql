-- The matter catalogue (事项): one row per matter of a town; its transitions are the audit trail.
CREATE TABLE matter (
    id                  CHAR(36)     NOT NULL PRIMARY KEY,
    town_code           VARCHAR(12)  NOT NULL,
    code                VARCHAR(64)  NOT NULL,
    name                VARCHAR(200) NOT NULL,
    department          VARCHAR(100) NOT NULL,
    legal_limit_days    INT          NOT NULL,
    promised_limit_days INT          NOT NULL,
    fee_fen             BIGINT       NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    created_at          TIMESTAMP(6) NOT NULL,
    created_by          VARCHAR(100) NOT NULL,
    version             BIGINT       NOT NULL,
    UNIQUE KEY uk_matter_town_code (town_code, code),
    KEY ix_matter_town_status_code (town_code, status, code),
    CONSTRAINT ck_matter_limits CHECK (promised_limit_days >= 0 AND promised_limit_days <= legal_limit_days),
    CONSTRAINT ck_matter_fee CHECK (fee_fen >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Required materials, in catalogue order.
CREATE TABLE matter_material (
    matter_id  CHAR(36)     NOT NULL,
    list_index INT          NOT NULL,
    material   VARCHAR(200) NOT NULL,
    PRIMARY KEY (matter_id, list_index),
    CONSTRAINT fk_material_matter FOREIGN KEY (matter_id) REFERENCES matter (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE matter_channel (
    matter_id CHAR(36)    NOT NULL,
    channel   VARCHAR(20) NOT NULL,
    PRIMARY KEY (matter_id, channel),
    CONSTRAINT fk_channel_matter FOREIGN KEY (matter_id) REFERENCES matter (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE matter_transition (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    matter_id   CHAR(36)      NOT NULL,
    from_status VARCHAR(20)   NULL,
    to_status   VARCHAR(20)   NOT NULL,
    actor       VARCHAR(100)  NOT NULL,
    note        VARCHAR(500)  NULL,
    at          TIMESTAMP(6)  NOT NULL,
    KEY ix_matter_transition_matter (matter_id, id),
    CONSTRAINT fk_transition_matter FOREIGN KEY (matter_id) REFERENCES matter (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
