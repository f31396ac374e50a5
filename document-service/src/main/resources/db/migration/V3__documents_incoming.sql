-- 收文: documents, telegrams and petition letters received; 批示, 承办, 传阅 (who holds which copy, and the history).

CREATE TABLE incoming_document (
    id                       CHAR(36)     NOT NULL PRIMARY KEY,
    town_code                VARCHAR(12)  NOT NULL,
    kind                     VARCHAR(12)  NOT NULL,
    status                   VARCHAR(20)  NOT NULL,
    -- elements (as in outgoing_document)
    document_type            VARCHAR(20)  NOT NULL,
    copy_number              VARCHAR(6)   NULL,
    secrecy_level            VARCHAR(12)  NOT NULL,
    secrecy_years            INT          NULL,
    urgency                  VARCHAR(16)  NOT NULL,
    issuer_name              VARCHAR(200) NULL,
    issuer_code              VARCHAR(40)  NULL,
    signer_name              VARCHAR(100) NULL,
    title                    VARCHAR(300) NOT NULL,
    main_recipients          VARCHAR(1000) NULL,
    body                     MEDIUMTEXT   NULL,
    attachment_note          VARCHAR(1000) NULL,
    signature                VARCHAR(200) NULL,
    date_written             DATE         NULL,
    sealed                   BOOLEAN      NULL,
    remarks                  VARCHAR(1000) NULL,
    cc_recipients            VARCHAR(1000) NULL,
    printing_organ           VARCHAR(200) NULL,
    printing_date            DATE         NULL,
    pages                    INT          NULL,
    -- arrival
    channel                  VARCHAR(24)  NOT NULL,
    sender                   VARCHAR(200) NOT NULL,
    external_id              VARCHAR(100) NULL,
    original_number          VARCHAR(100) NULL,
    original_number_code     VARCHAR(60)  NULL,
    original_number_year     INT          NULL,
    original_number_sequence INT          NULL,
    received_at              TIMESTAMP(6) NOT NULL,
    received_by              VARCHAR(100) NOT NULL,
    received_copies          INT          NOT NULL,
    -- 收文 register number: 收文〔year〕sequence号, per town, gap-free
    register_year            INT          NULL,
    register_sequence        INT          NULL,
    registered_by            VARCHAR(100) NULL,
    registered_at            TIMESTAMP(6) NULL,
    -- handling
    handling_mode            VARCHAR(10)  NULL,
    return_reason            VARCHAR(2000) NULL,
    proposal                 VARCHAR(2000) NULL,
    proposed_by              VARCHAR(100) NULL,
    leader                   VARCHAR(100) NULL,
    instruction              VARCHAR(2000) NULL,
    instructed_by            VARCHAR(100) NULL,
    instructed_at            TIMESTAMP(6) NULL,
    lead_department          VARCHAR(100) NULL,
    deadline                 DATE         NULL,
    accepted_by              VARCHAR(100) NULL,
    accepted_at              TIMESTAMP(6) NULL,
    urge_count               INT          NOT NULL DEFAULT 0,
    result                   TEXT         NULL,
    completed_by             VARCHAR(100) NULL,
    completed_at             TIMESTAMP(6) NULL,
    result_reported_to       VARCHAR(200) NULL,
    result_reported_at       TIMESTAMP(6) NULL,
    archived_at              TIMESTAMP(6) NULL,
    source_id                VARCHAR(100) NULL,
    version                  BIGINT       NOT NULL,
    UNIQUE KEY uk_incoming_external (town_code, channel, external_id),
    UNIQUE KEY uk_incoming_register (town_code, register_year, register_sequence),
    UNIQUE KEY uk_incoming_source (town_code, source_id),
    KEY ix_incoming_town_received (town_code, received_at),
    KEY ix_incoming_town_status (town_code, status),
    KEY ix_incoming_town_completed (town_code, completed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE incoming_transition (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    document_id CHAR(36)     NOT NULL,
    from_status VARCHAR(20)  NULL,
    to_status   VARCHAR(20)  NOT NULL,
    action      VARCHAR(40)  NOT NULL,
    actor       VARCHAR(100) NOT NULL,
    note        VARCHAR(2000) NULL,
    at          TIMESTAMP(6) NOT NULL,
    KEY ix_incoming_transition_document (document_id, id),
    CONSTRAINT fk_incoming_transition FOREIGN KEY (document_id) REFERENCES incoming_document (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 协办 departments and their views
CREATE TABLE incoming_co_department (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    document_id CHAR(36)     NOT NULL,
    department  VARCHAR(100) NOT NULL,
    opinion     VARCHAR(2000) NULL,
    opinion_by  VARCHAR(100) NULL,
    opinion_at  TIMESTAMP(6) NULL,
    UNIQUE KEY uk_incoming_co_department (document_id, department),
    CONSTRAINT fk_incoming_co_department FOREIGN KEY (document_id) REFERENCES incoming_document (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 传阅: every copy's holder right now (OFFICE when back) ...
CREATE TABLE incoming_copy (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    document_id CHAR(36)     NOT NULL,
    copy_no     INT          NOT NULL,
    holder      VARCHAR(100) NOT NULL,
    since       TIMESTAMP(6) NOT NULL,
    UNIQUE KEY uk_incoming_copy (document_id, copy_no),
    KEY ix_incoming_copy_holder (holder),
    CONSTRAINT fk_incoming_copy FOREIGN KEY (document_id) REFERENCES incoming_document (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- ... the readers who must read it ...
CREATE TABLE incoming_reader (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    document_id CHAR(36)     NOT NULL,
    reader      VARCHAR(100) NOT NULL,
    added_by    VARCHAR(100) NOT NULL,
    added_at    TIMESTAMP(6) NOT NULL,
    read_at     TIMESTAMP(6) NULL,
    comment     VARCHAR(2000) NULL,
    UNIQUE KEY uk_incoming_reader (document_id, reader),
    CONSTRAINT fk_incoming_reader FOREIGN KEY (document_id) REFERENCES incoming_document (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- ... and every pass of a copy (append-only).
CREATE TABLE incoming_handover (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    document_id CHAR(36)     NOT NULL,
    copy_no     INT          NOT NULL,
    from_holder VARCHAR(100) NOT NULL,
    to_holder   VARCHAR(100) NOT NULL,
    handed_by   VARCHAR(100) NOT NULL,
    at          TIMESTAMP(6) NOT NULL,
    KEY ix_incoming_handover_document (document_id, id),
    CONSTRAINT fk_incoming_handover FOREIGN KEY (document_id) REFERENCES incoming_document (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
