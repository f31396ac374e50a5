-- 预算联网监督: budget lines per town and year, monthly execution, flags to the presidium, deputies' inquiries.
CREATE TABLE budget_line (
    id                 CHAR(36)       NOT NULL PRIMARY KEY,
    town_code          VARCHAR(12)    NOT NULL,
    year               INT            NOT NULL,
    code               VARCHAR(30)    NOT NULL,
    name               VARCHAR(200)   NOT NULL,
    department         VARCHAR(100)   NOT NULL,
    planned_amount     DECIMAL(14, 2) NOT NULL,
    approved_on        DATE           NULL,
    performance_target VARCHAR(1000)  NULL,
    evaluation_grade   VARCHAR(10)    NULL,
    target_met         BOOLEAN        NULL,
    evaluation_summary TEXT           NULL,
    evaluated_at       TIMESTAMP(6)   NULL,
    created_by         VARCHAR(100)   NOT NULL,
    version            BIGINT         NOT NULL,
    UNIQUE KEY uk_budget_line_code (town_code, year, code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- what a line spent in a month; a re-imported month replaces its row
CREATE TABLE budget_execution (
    line_id     CHAR(36)       NOT NULL,
    month       INT            NOT NULL,
    spent       DECIMAL(14, 2) NOT NULL,
    imported_at TIMESTAMP(6)   NOT NULL,
    PRIMARY KEY (line_id, month),
    CONSTRAINT fk_execution_line FOREIGN KEY (line_id) REFERENCES budget_line (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- flagged to the presidium once per line, month and kind (the unique key makes a re-import a no-op)
CREATE TABLE budget_deviation (
    id             BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    town_code      VARCHAR(12)    NOT NULL,
    line_id        CHAR(36)       NOT NULL,
    year           INT            NOT NULL,
    month          INT            NOT NULL,
    deviation      VARCHAR(20)    NOT NULL,
    planned_amount DECIMAL(14, 2) NOT NULL,
    spent_to_date  DECIMAL(14, 2) NOT NULL,
    execution_rate DECIMAL(7, 1)  NULL,
    flagged_at     TIMESTAMP(6)   NOT NULL,
    UNIQUE KEY uk_deviation (line_id, month, deviation),
    KEY ix_deviation_town (town_code, year, month),
    CONSTRAINT fk_deviation_line FOREIGN KEY (line_id) REFERENCES budget_line (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE budget_inquiry (
    id          CHAR(36)      NOT NULL PRIMARY KEY,
    town_code   VARCHAR(12)   NOT NULL,
    line_id     CHAR(36)      NOT NULL,
    department  VARCHAR(100)  NOT NULL,
    deputy_id   CHAR(36)      NOT NULL,
    question    VARCHAR(5000) NOT NULL,
    asked_on    DATE          NOT NULL,
    status      VARCHAR(10)   NOT NULL,
    answer      TEXT          NULL,
    answered_by VARCHAR(100)  NULL,
    answered_at TIMESTAMP(6)  NULL,
    created_by  VARCHAR(100)  NOT NULL,
    version     BIGINT        NOT NULL,
    KEY ix_inquiry_line (line_id, asked_on),
    KEY ix_inquiry_town (town_code, status),
    CONSTRAINT fk_inquiry_line FOREIGN KEY (line_id) REFERENCES budget_line (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
