-- Documents as data (公文要素), attachments, need-to-know, the classified read log, gap-free numbering, and 发文.

-- The 公文 elements appear as the same columns in outgoing_document and incoming_document (DocumentElements).

CREATE TABLE outgoing_document (
    id                 CHAR(36)     NOT NULL PRIMARY KEY,
    town_code          VARCHAR(12)  NOT NULL,
    kind               VARCHAR(12)  NOT NULL,
    status             VARCHAR(20)  NOT NULL,
    -- elements
    document_type      VARCHAR(20)  NOT NULL,
    copy_number        VARCHAR(6)   NULL,
    secrecy_level      VARCHAR(12)  NOT NULL,
    secrecy_years      INT          NULL,
    urgency            VARCHAR(16)  NOT NULL,
    issuer_name        VARCHAR(200) NULL,
    issuer_code        VARCHAR(40)  NULL,
    signer_name        VARCHAR(100) NULL,
    title              VARCHAR(300) NOT NULL,
    main_recipients    VARCHAR(1000) NULL,
    body               MEDIUMTEXT   NULL,
    attachment_note    VARCHAR(1000) NULL,
    signature          VARCHAR(200) NULL,
    date_written       DATE         NULL,
    sealed             BOOLEAN      NULL,
    remarks            VARCHAR(1000) NULL,
    cc_recipients      VARCHAR(1000) NULL,
    printing_organ     VARCHAR(200) NULL,
    printing_date      DATE         NULL,
    pages              INT          NULL,
    -- workflow
    drafter            VARCHAR(100) NOT NULL,
    drafter_name       VARCHAR(100) NULL,
    drafter_department VARCHAR(100) NULL,
    checker            VARCHAR(100) NULL,
    signer             VARCHAR(100) NULL,
    signed_by          VARCHAR(100) NULL,
    signed_at          TIMESTAMP(6) NULL,
    -- 发文字号, assigned at 登记: code/year/sequence, sorted numerically
    number_code        VARCHAR(40)  NULL,
    number_year        INT          NULL,
    number_sequence    INT          NULL,
    registered_at      TIMESTAMP(6) NULL,
    printed_copies     INT          NULL,
    printed_at         TIMESTAMP(6) NULL,
    distributed_at     TIMESTAMP(6) NULL,
    archived_at        TIMESTAMP(6) NULL,
    voided_at          TIMESTAMP(6) NULL,
    void_reason        VARCHAR(2000) NULL,
    created_at         TIMESTAMP(6) NOT NULL,
    source_id          VARCHAR(100) NULL,
    version            BIGINT       NOT NULL,
    UNIQUE KEY uk_outgoing_number (number_code, number_year, number_sequence),
    UNIQUE KEY uk_outgoing_source (town_code, source_id),
    KEY ix_outgoing_town_created (town_code, created_at),
    KEY ix_outgoing_town_status (town_code, status),
    KEY ix_outgoing_town_distributed (town_code, distributed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE outgoing_transition (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    document_id CHAR(36)     NOT NULL,
    from_status VARCHAR(20)  NULL,
    to_status   VARCHAR(20)  NOT NULL,
    action      VARCHAR(40)  NOT NULL,
    actor       VARCHAR(100) NOT NULL,
    note        VARCHAR(2000) NULL,
    at          TIMESTAMP(6) NOT NULL,
    KEY ix_outgoing_transition_document (document_id, id),
    CONSTRAINT fk_outgoing_transition FOREIGN KEY (document_id) REFERENCES outgoing_document (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 会签: one row per co-signing department
CREATE TABLE outgoing_countersign (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    document_id CHAR(36)     NOT NULL,
    department  VARCHAR(100) NOT NULL,
    agreed      BOOLEAN      NULL,
    opinion     VARCHAR(2000) NULL,
    decided_by  VARCHAR(100) NULL,
    decided_at  TIMESTAMP(6) NULL,
    UNIQUE KEY uk_outgoing_countersign (document_id, department),
    CONSTRAINT fk_outgoing_countersign FOREIGN KEY (document_id) REFERENCES outgoing_document (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 核发: recipients and their 份号 ranges
CREATE TABLE outgoing_distribution (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    document_id       CHAR(36)     NOT NULL,
    recipient         VARCHAR(200) NOT NULL,
    copies            INT          NOT NULL,
    first_copy_number INT          NOT NULL,
    last_copy_number  INT          NOT NULL,
    KEY ix_outgoing_distribution_document (document_id),
    CONSTRAINT fk_outgoing_distribution FOREIGN KEY (document_id) REFERENCES outgoing_document (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Gap-free counters: one row per scope (机关代字, a town's 收文 register) and year, claimed by one town.
CREATE TABLE sequence_counter (
    scope     VARCHAR(60) NOT NULL,
    year      SMALLINT    NOT NULL,
    town_code VARCHAR(12) NOT NULL,
    last_seq  INT         NOT NULL,
    PRIMARY KEY (scope, year)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Attachments of any document (incoming or outgoing): metadata here, bytes in the AttachmentStore.
CREATE TABLE attachment (
    id           CHAR(36)     NOT NULL PRIMARY KEY,
    document_id  CHAR(36)     NOT NULL,
    town_code    VARCHAR(12)  NOT NULL,
    file_name    VARCHAR(255) NOT NULL,
    content_type VARCHAR(200) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    storage_key  VARCHAR(200) NOT NULL,
    uploaded_by  VARCHAR(100) NOT NULL,
    uploaded_at  TIMESTAMP(6) NOT NULL,
    removed_by   VARCHAR(100) NULL,
    removed_at   TIMESTAMP(6) NULL,
    destroyed_at TIMESTAMP(6) NULL,
    version      BIGINT       NOT NULL,
    KEY ix_attachment_document (document_id, uploaded_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Need to know: the people (U) and departments (D) a document was assigned, handed or circulated to.
-- Derived from the aggregates; lists filter on it together with the caller's clearance.
CREATE TABLE document_need (
    document_id CHAR(36)     NOT NULL,
    kind        CHAR(1)      NOT NULL,
    principal   VARCHAR(100) NOT NULL,
    PRIMARY KEY (document_id, kind, principal)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every read of a classified document. Append-only: the triggers refuse updates and deletes.
CREATE TABLE classified_read_log (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    document_id       CHAR(36)     NOT NULL,
    secrecy_level     VARCHAR(12)  NOT NULL,
    reader            VARCHAR(100) NOT NULL,
    reader_name       VARCHAR(100) NULL,
    reader_department VARCHAR(100) NULL,
    action            VARCHAR(12)  NOT NULL,
    detail            VARCHAR(300) NULL,
    ip                VARCHAR(64)  NULL,
    correlation_id    VARCHAR(64)  NULL,
    read_at           TIMESTAMP(6) NOT NULL,
    KEY ix_classified_read_log_document (document_id, id),
    KEY ix_classified_read_log_reader (reader, read_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TRIGGER classified_read_log_no_update BEFORE UPDATE ON classified_read_log FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'classified_read_log is append-only';

CREATE TRIGGER classified_read_log_no_delete BEFORE DELETE ON classified_read_log FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'classified_read_log is append-only';
