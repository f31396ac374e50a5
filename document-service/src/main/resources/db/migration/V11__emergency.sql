-- 应急信息报送: emergency reports, their upward reports (电话/书面), 续报 and 终报.
CREATE TABLE emergency_report (
    id                    CHAR(36)      NOT NULL PRIMARY KEY,
    town_code             VARCHAR(12)   NOT NULL,
    source_id             VARCHAR(100)  NULL,
    category              VARCHAR(20)   NOT NULL,
    real_estate_project   BOOLEAN       NOT NULL DEFAULT FALSE,
    level                 VARCHAR(20)   NOT NULL,
    title                 VARCHAR(300)  NOT NULL,
    place                 VARCHAR(200)  NOT NULL,
    description           TEXT          NULL,
    occurred_at           TIMESTAMP(6)  NOT NULL,
    received_at           TIMESTAMP(6)  NOT NULL,
    deaths                INT           NOT NULL DEFAULT 0,
    injuries              INT           NOT NULL DEFAULT 0,
    missing               INT           NOT NULL DEFAULT 0,
    economic_loss_yuan    DECIMAL(16, 2) NULL,
    status                VARCHAR(20)   NOT NULL,
    phone_due_at          TIMESTAMP(6)  NOT NULL,
    written_due_at        TIMESTAMP(6)  NOT NULL,
    phone_reported_at     TIMESTAMP(6)  NULL,
    phone_reported_to     VARCHAR(200)  NULL,
    phone_late            BOOLEAN       NOT NULL DEFAULT FALSE,
    phone_delay_minutes   BIGINT        NOT NULL DEFAULT 0,
    phone_overdue         BOOLEAN       NOT NULL DEFAULT FALSE,
    written_reported_at   TIMESTAMP(6)  NULL,
    written_reported_to   VARCHAR(200)  NULL,
    written_late          BOOLEAN       NOT NULL DEFAULT FALSE,
    written_delay_minutes BIGINT        NOT NULL DEFAULT 0,
    written_overdue       BOOLEAN       NOT NULL DEFAULT FALSE,
    follow_up_count       INT           NOT NULL DEFAULT 0,
    closed_at             TIMESTAMP(6)  NULL,
    closing_summary       TEXT          NULL,
    created_by            VARCHAR(100)  NOT NULL,
    created_at            TIMESTAMP(6)  NOT NULL,
    version               BIGINT        NOT NULL,
    UNIQUE KEY uk_emergency_report_source (town_code, source_id),
    KEY ix_emergency_report_town_occurred (town_code, occurred_at),
    KEY ix_emergency_report_phone_due (status, phone_overdue, phone_due_at),
    KEY ix_emergency_report_written_due (status, written_overdue, written_due_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE emergency_report_transition (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    report_id   CHAR(36)     NOT NULL,
    from_status VARCHAR(20)  NULL,
    to_status   VARCHAR(20)  NOT NULL,
    action      VARCHAR(40)  NOT NULL,
    actor       VARCHAR(100) NOT NULL,
    note        TEXT         NULL,
    at          TIMESTAMP(6) NOT NULL,
    KEY ix_emergency_transition_report (report_id, id),
    CONSTRAINT fk_emergency_transition FOREIGN KEY (report_id) REFERENCES emergency_report (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 续报: each follow-up with its time, content and the casualties as then known.
CREATE TABLE emergency_follow_up (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    report_id   CHAR(36)     NOT NULL,
    reported_at TIMESTAMP(6) NOT NULL,
    content     TEXT         NOT NULL,
    deaths      INT          NOT NULL,
    injuries    INT          NOT NULL,
    missing     INT          NOT NULL,
    reported_by VARCHAR(100) NOT NULL,
    KEY ix_emergency_follow_up_report (report_id, id),
    CONSTRAINT fk_emergency_follow_up FOREIGN KEY (report_id) REFERENCES emergency_report (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 应急预案 per village or unit, with every approval, review and revision kept.
CREATE TABLE emergency_plan (
    id             CHAR(36)     NOT NULL PRIMARY KEY,
    town_code      VARCHAR(12)  NOT NULL,
    unit           VARCHAR(200) NOT NULL,
    plan_type      VARCHAR(20)  NOT NULL,
    title          VARCHAR(300) NOT NULL,
    plan_version   VARCHAR(40)  NOT NULL,
    approved_on    DATE         NOT NULL,
    next_review_on DATE         NOT NULL,
    status         VARCHAR(12)  NOT NULL,
    retired_reason VARCHAR(2000) NULL,
    created_by     VARCHAR(100) NOT NULL,
    created_at     TIMESTAMP(6) NOT NULL,
    version        BIGINT       NOT NULL,
    KEY ix_emergency_plan_town_review (town_code, status, next_review_on),
    KEY ix_emergency_plan_town_unit (town_code, unit)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE emergency_plan_review (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    plan_id        CHAR(36)     NOT NULL,
    kind           VARCHAR(12)  NOT NULL,
    reviewed_on    DATE         NOT NULL,
    plan_version   VARCHAR(40)  NOT NULL,
    approved_on    DATE         NOT NULL,
    next_review_on DATE         NOT NULL,
    note           VARCHAR(2000) NULL,
    actor          VARCHAR(100) NOT NULL,
    at             TIMESTAMP(6) NOT NULL,
    KEY ix_emergency_plan_review_plan (plan_id, id),
    KEY ix_emergency_plan_review_day (reviewed_on, kind),
    CONSTRAINT fk_emergency_plan_review FOREIGN KEY (plan_id) REFERENCES emergency_plan (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 应急演练.
CREATE TABLE emergency_drill (
    id           CHAR(36)     NOT NULL PRIMARY KEY,
    town_code    VARCHAR(12)  NOT NULL,
    source_id    VARCHAR(100) NULL,
    plan_id      CHAR(36)     NULL,
    drill_type   VARCHAR(20)  NOT NULL,
    held_on      DATE         NOT NULL,
    place        VARCHAR(200) NOT NULL,
    scenario     VARCHAR(2000) NOT NULL,
    participants INT          NOT NULL,
    evaluation   TEXT         NULL,
    created_by   VARCHAR(100) NOT NULL,
    created_at   TIMESTAMP(6) NOT NULL,
    UNIQUE KEY uk_emergency_drill_source (town_code, source_id),
    KEY ix_emergency_drill_town_held (town_code, held_on),
    KEY ix_emergency_drill_plan (plan_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 应急物资/宣传资料发放 (应急手册, 宣传资料 …).
CREATE TABLE emergency_material (
    id             CHAR(36)     NOT NULL PRIMARY KEY,
    town_code      VARCHAR(12)  NOT NULL,
    item           VARCHAR(100) NOT NULL,
    quantity       INT          NOT NULL,
    recipient      VARCHAR(200) NOT NULL,
    distributed_on DATE         NOT NULL,
    note           VARCHAR(2000) NULL,
    created_by     VARCHAR(100) NOT NULL,
    created_at     TIMESTAMP(6) NOT NULL,
    KEY ix_emergency_material_town_day (town_code, distributed_on),
    KEY ix_emergency_material_town_item (town_code, item, recipient)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
