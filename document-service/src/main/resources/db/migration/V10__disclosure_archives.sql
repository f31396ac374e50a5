-- 政务公开 (information disclosure) and 档案 (archives): items, channels, loans, destruction appraisals.

-- A disclosure item: drafted, 保密审查 by someone other than the author, published on its channels, withdrawn.
CREATE TABLE disclosure_item (
    id                 CHAR(36)      NOT NULL PRIMARY KEY,
    town_code          VARCHAR(12)   NOT NULL,
    title              VARCHAR(300)  NOT NULL,
    body               MEDIUMTEXT    NULL,
    category           VARCHAR(20)   NOT NULL,
    source_document_id CHAR(36)      NULL,
    internal_note      VARCHAR(2000) NULL,
    status             VARCHAR(12)   NOT NULL,
    author             VARCHAR(100)  NOT NULL,
    created_at         TIMESTAMP(6)  NOT NULL,
    reviewer           VARCHAR(100)  NULL,
    reviewed_at        TIMESTAMP(6)  NULL,
    review_opinion     VARCHAR(2000) NULL,
    return_reason      VARCHAR(2000) NULL,
    published_by       VARCHAR(100)  NULL,
    published_at       TIMESTAMP(6)  NULL,
    withdrawn_by       VARCHAR(100)  NULL,
    withdrawn_at       TIMESTAMP(6)  NULL,
    withdraw_reason    VARCHAR(2000) NULL,
    source_id          VARCHAR(100)  NULL,
    version            BIGINT        NOT NULL,
    UNIQUE KEY uk_disclosure_source (town_code, source_id),
    KEY ix_disclosure_town_status (town_code, status, id),
    KEY ix_disclosure_public (status, town_code, category, id),
    KEY ix_disclosure_town_published (town_code, published_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The channels an item goes out on (网站, 微信公众号, 广播电视, 报刊, 公开栏) and when it went out on each.
CREATE TABLE disclosure_channel (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    item_id      CHAR(36)     NOT NULL,
    channel      VARCHAR(16)  NOT NULL,
    published_at TIMESTAMP(6) NULL,
    UNIQUE KEY uk_disclosure_channel (item_id, channel),
    KEY ix_disclosure_channel_published (channel, published_at, item_id),
    CONSTRAINT fk_disclosure_channel FOREIGN KEY (item_id) REFERENCES disclosure_item (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE disclosure_transition (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    item_id     CHAR(36)      NOT NULL,
    from_status VARCHAR(12)   NULL,
    to_status   VARCHAR(12)   NOT NULL,
    action      VARCHAR(40)   NOT NULL,
    actor       VARCHAR(100)  NOT NULL,
    note        VARCHAR(2000) NULL,
    at          TIMESTAMP(6)  NOT NULL,
    KEY ix_disclosure_transition_item (item_id, id),
    CONSTRAINT fk_disclosure_transition FOREIGN KEY (item_id) REFERENCES disclosure_item (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- An archived item (件: one finished document) or dossier (卷). 件号 gap-free per town, year, category, retention.
-- A document is archived once: uk_archive_document (NULL for dossiers and imported items without a document).
CREATE TABLE archive_item (
    id            CHAR(36)     NOT NULL PRIMARY KEY,
    town_code     VARCHAR(12)  NOT NULL,
    year          INT          NOT NULL,
    category      VARCHAR(16)  NOT NULL,
    retention     VARCHAR(12)  NOT NULL,
    item_number   INT          NOT NULL,
    kind          VARCHAR(10)  NOT NULL,
    document_id   CHAR(36)     NULL,
    direction     VARCHAR(10)  NULL,
    document_number VARCHAR(100) NULL,
    title         VARCHAR(300) NOT NULL,
    secrecy_level VARCHAR(12)  NOT NULL,
    status        VARCHAR(12)  NOT NULL,
    arranged_by   VARCHAR(100) NOT NULL,
    arranged_at   TIMESTAMP(6) NOT NULL,
    batch_id      CHAR(36)     NULL,
    destroyed_at  TIMESTAMP(6) NULL,
    source_id     VARCHAR(100) NULL,
    version       BIGINT       NOT NULL,
    UNIQUE KEY uk_archive_document (document_id),
    UNIQUE KEY uk_archive_number (town_code, year, category, retention, item_number),
    UNIQUE KEY uk_archive_source (town_code, source_id),
    KEY ix_archive_town_arranged (town_code, arranged_at, category),
    KEY ix_archive_batch (batch_id, item_number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The contents of a dossier (卷内目录), in order.
CREATE TABLE archive_dossier_entry (
    id      BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    item_id CHAR(36)     NOT NULL,
    seq     INT          NOT NULL,
    title   VARCHAR(300) NOT NULL,
    UNIQUE KEY uk_archive_dossier_entry (item_id, seq),
    CONSTRAINT fk_archive_dossier_entry FOREIGN KEY (item_id) REFERENCES archive_item (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 借阅. lent_item_id is the item id while LENT and NULL otherwise: one item is out to one borrower at a time.
CREATE TABLE archive_loan (
    id           CHAR(36)      NOT NULL PRIMARY KEY,
    town_code    VARCHAR(12)   NOT NULL,
    item_id      CHAR(36)      NOT NULL,
    borrower     VARCHAR(100)  NOT NULL,
    purpose      VARCHAR(1000) NOT NULL,
    due_date     DATE          NOT NULL,
    status       VARCHAR(12)   NOT NULL,
    lent_item_id CHAR(36)      NULL,
    requested_by VARCHAR(100)  NOT NULL,
    requested_at TIMESTAMP(6)  NOT NULL,
    decided_by   VARCHAR(100)  NULL,
    decided_at   TIMESTAMP(6)  NULL,
    refusal      VARCHAR(2000) NULL,
    lent_by      VARCHAR(100)  NULL,
    lent_at      TIMESTAMP(6)  NULL,
    returned_at  TIMESTAMP(6)  NULL,
    version      BIGINT        NOT NULL,
    UNIQUE KEY uk_archive_loan_lent (lent_item_id),
    KEY ix_archive_loan_item (item_id, status),
    KEY ix_archive_loan_town (town_code, status, due_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 销毁: an appraisal request over items whose retention has ended, a leader's approval, then the destruction.
-- DESTROYED rows with their items are the destruction register (销毁清册).
CREATE TABLE archive_destruction (
    id            CHAR(36)      NOT NULL PRIMARY KEY,
    town_code     VARCHAR(12)   NOT NULL,
    reason        VARCHAR(2000) NOT NULL,
    status        VARCHAR(12)   NOT NULL,
    requested_by  VARCHAR(100)  NOT NULL,
    requested_at  TIMESTAMP(6)  NOT NULL,
    decided_by    VARCHAR(100)  NULL,
    decided_at    TIMESTAMP(6)  NULL,
    decision_note VARCHAR(2000) NULL,
    destroyed_by  VARCHAR(100)  NULL,
    destroyed_at  TIMESTAMP(6)  NULL,
    method        VARCHAR(200)  NULL,
    version       BIGINT        NOT NULL,
    KEY ix_archive_destruction_town (town_code, status, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE archive_destruction_item (
    id             BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    destruction_id CHAR(36)    NOT NULL,
    item_id        CHAR(36)    NOT NULL,
    archive_code   VARCHAR(60) NOT NULL,
    UNIQUE KEY uk_archive_destruction_item (destruction_id, item_id),
    KEY ix_archive_destruction_item (item_id),
    CONSTRAINT fk_archive_destruction_item FOREIGN KEY (destruction_id) REFERENCES archive_destruction (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
