-- Secrecy: approved copies of 秘密/机密 documents (never 绝密), and destruction with approval and a register.

CREATE TABLE copy_request (
    id            CHAR(36)     NOT NULL PRIMARY KEY,
    document_id   CHAR(36)     NOT NULL,
    direction     VARCHAR(10)  NOT NULL,
    town_code     VARCHAR(12)  NOT NULL,
    secrecy_level VARCHAR(12)  NOT NULL,
    title         VARCHAR(300) NOT NULL,
    copies        INT          NOT NULL,
    copies_left   INT          NOT NULL,
    reason        VARCHAR(2000) NOT NULL,
    requested_by  VARCHAR(100) NOT NULL,
    requested_at  TIMESTAMP(6) NOT NULL,
    status        VARCHAR(12)  NOT NULL,
    decided_by    VARCHAR(100) NULL,
    decided_at    TIMESTAMP(6) NULL,
    decision_note VARCHAR(2000) NULL,
    version       BIGINT       NOT NULL,
    KEY ix_copy_request_document (document_id),
    KEY ix_copy_request_town_status (town_code, status, requested_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A request and, once carried out, a line of the destruction register (销毁登记簿).
CREATE TABLE destruction_request (
    id              CHAR(36)     NOT NULL PRIMARY KEY,
    document_id     CHAR(36)     NOT NULL,
    direction       VARCHAR(10)  NOT NULL,
    town_code       VARCHAR(12)  NOT NULL,
    secrecy_level   VARCHAR(12)  NOT NULL,
    title           VARCHAR(300) NOT NULL,
    document_number VARCHAR(100) NULL,
    copy_number     VARCHAR(6)   NULL,
    reason          VARCHAR(2000) NOT NULL,
    requested_by    VARCHAR(100) NOT NULL,
    requested_at    TIMESTAMP(6) NOT NULL,
    status          VARCHAR(12)  NOT NULL,
    decided_by      VARCHAR(100) NULL,
    decided_at      TIMESTAMP(6) NULL,
    decision_note   VARCHAR(2000) NULL,
    destroyed_by    VARCHAR(100) NULL,
    destroyed_at    TIMESTAMP(6) NULL,
    method          VARCHAR(200) NULL,
    witness         VARCHAR(100) NULL,
    version         BIGINT       NOT NULL,
    KEY ix_destruction_document (document_id),
    KEY ix_destruction_town_destroyed (town_code, status, destroyed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
