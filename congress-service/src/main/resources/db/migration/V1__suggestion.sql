-- Deputies' suggestions (代表建议) to a town's people's congress; their transitions are the audit trail.
CREATE TABLE suggestion (
    id                  CHAR(36)     NOT NULL PRIMARY KEY,
    town_code           VARCHAR(12)  NOT NULL,
    session             VARCHAR(100) NOT NULL,
    title               VARCHAR(200) NOT NULL,
    content             TEXT         NOT NULL,
    submitted_at        TIMESTAMP(6) NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    registration_number INT          NULL,
    registered_at       TIMESTAMP(6) NULL,
    lead_unit           VARCHAR(100) NULL,
    assigned_at         TIMESTAMP(6) NULL,
    reply_due           DATE         NULL,
    created_by          VARCHAR(100) NOT NULL,
    version             BIGINT       NOT NULL,
    UNIQUE KEY uk_suggestion_number (town_code, session, registration_number),
    KEY ix_suggestion_town_submitted (town_code, submitted_at),
    KEY ix_suggestion_town_status_due (town_code, status, reply_due)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The deputies who submitted it, the leading deputy (领衔代表) first.
CREATE TABLE suggestion_deputy (
    suggestion_id CHAR(36)    NOT NULL,
    list_index    INT         NOT NULL,
    deputy_name   VARCHAR(50) NOT NULL,
    PRIMARY KEY (suggestion_id, list_index),
    KEY ix_suggestion_deputy_name (deputy_name),
    CONSTRAINT fk_deputy_suggestion FOREIGN KEY (suggestion_id) REFERENCES suggestion (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 协办 units, in the order the office named them.
CREATE TABLE suggestion_co_unit (
    suggestion_id CHAR(36)     NOT NULL,
    list_index    INT          NOT NULL,
    unit          VARCHAR(100) NOT NULL,
    PRIMARY KEY (suggestion_id, list_index),
    CONSTRAINT fk_co_unit_suggestion FOREIGN KEY (suggestion_id) REFERENCES suggestion (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE suggestion_transition (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    suggestion_id CHAR(36)      NOT NULL,
    from_status   VARCHAR(20)   NULL,
    to_status     VARCHAR(20)   NOT NULL,
    actor         VARCHAR(100)  NOT NULL,
    note          VARCHAR(2500) NULL,
    at            TIMESTAMP(6)  NOT NULL,
    KEY ix_suggestion_transition_suggestion (suggestion_id, id),
    CONSTRAINT fk_transition_suggestion FOREIGN KEY (suggestion_id) REFERENCES suggestion (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Gapless registration numbers per town and session.
CREATE TABLE suggestion_counter (
    town_code VARCHAR(12)  NOT NULL,
    session   VARCHAR(100) NOT NULL,
    last_seq  INT          NOT NULL,
    PRIMARY KEY (town_code, session)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
