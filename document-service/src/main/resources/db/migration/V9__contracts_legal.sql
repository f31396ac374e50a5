-- 合同管理: the town's contract register, its legal review rounds, performance milestones and trail.
CREATE TABLE contract (
    id                       CHAR(36)      NOT NULL PRIMARY KEY,
    town_code                VARCHAR(12)   NOT NULL,
    source_id                VARCHAR(100)  NULL,
    register_year            INT           NOT NULL,
    register_sequence        INT           NOT NULL,
    title                    VARCHAR(300)  NOT NULL,
    contract_type            VARCHAR(16)   NOT NULL,
    counterparty_name        VARCHAR(200)  NOT NULL,
    counterparty_credit_code VARCHAR(18)   NULL,
    amount                   DECIMAL(16,2) NOT NULL,
    term_start               DATE          NOT NULL,
    term_end                 DATE          NOT NULL,
    signing_unit             VARCHAR(100)  NOT NULL,
    status                   VARCHAR(16)   NOT NULL,
    drafted_by               VARCHAR(100)  NOT NULL,
    created_at               TIMESTAMP(6)  NOT NULL,
    review_outcome           VARCHAR(24)   NULL,
    reviewed_by              VARCHAR(100)  NULL,
    reviewed_on              DATE          NULL,
    signed_by                VARCHAR(100)  NULL,
    signed_on                DATE          NULL,
    closed_on                DATE          NULL,
    termination_reason       VARCHAR(2000) NULL,
    expiry_announced         BOOLEAN       NOT NULL DEFAULT FALSE,
    imported                 BOOLEAN       NOT NULL DEFAULT FALSE,
    version                  BIGINT        NOT NULL,
    UNIQUE KEY ux_contract_number (town_code, register_year, register_sequence),
    UNIQUE KEY ux_contract_source (town_code, source_id),
    KEY ix_contract_town_status (town_code, status, term_end),
    KEY ix_contract_town_signed (town_code, signed_on),
    KEY ix_contract_expiry (status, expiry_announced, term_end)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per review round (法制审核); a rejected round stays when the contract goes back for revision.
CREATE TABLE contract_review (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    contract_id  CHAR(36)     NOT NULL,
    town_code    VARCHAR(12)  NOT NULL,
    round        INT          NOT NULL,
    requested_by VARCHAR(100) NOT NULL,
    requested_at TIMESTAMP(6) NOT NULL,
    request_note VARCHAR(2000) NULL,
    reviewer     VARCHAR(100) NULL,
    outcome      VARCHAR(24)  NULL,
    opinion      TEXT         NULL,
    concluded_at TIMESTAMP(6) NULL,
    concluded_on DATE         NULL,
    KEY ix_contract_review_contract (contract_id, id),
    KEY ix_contract_review_town_concluded (town_code, concluded_on),
    CONSTRAINT fk_contract_review FOREIGN KEY (contract_id) REFERENCES contract (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 履约节点.
CREATE TABLE contract_milestone (
    id          CHAR(36)      NOT NULL PRIMARY KEY,
    contract_id CHAR(36)      NOT NULL,
    due_date    DATE          NOT NULL,
    description VARCHAR(500)  NOT NULL,
    amount      DECIMAL(16,2) NULL,
    done_on     DATE          NULL,
    done_by     VARCHAR(100)  NULL,
    done_note   VARCHAR(2000) NULL,
    KEY ix_contract_milestone_open (contract_id, done_on, due_date),
    CONSTRAINT fk_contract_milestone FOREIGN KEY (contract_id) REFERENCES contract (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE contract_transition (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    contract_id CHAR(36)     NOT NULL,
    from_status VARCHAR(16)  NULL,
    to_status   VARCHAR(16)  NOT NULL,
    action      VARCHAR(40)  NOT NULL,
    actor       VARCHAR(100) NOT NULL,
    note        TEXT         NULL,
    at          TIMESTAMP(6) NOT NULL,
    KEY ix_contract_transition_contract (contract_id, id),
    CONSTRAINT fk_contract_transition FOREIGN KEY (contract_id) REFERENCES contract (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 法制: legality reviews of normative documents (规范性文件法制审核).
CREATE TABLE legality_review (
    id                   CHAR(36)     NOT NULL PRIMARY KEY,
    town_code            VARCHAR(12)  NOT NULL,
    document_title       VARCHAR(300) NOT NULL,
    drafting_unit        VARCHAR(100) NOT NULL,
    outgoing_document_id CHAR(36)     NULL,
    status               VARCHAR(12)  NOT NULL,
    submitted_by         VARCHAR(100) NOT NULL,
    submitted_at         TIMESTAMP(6) NOT NULL,
    reviewer             VARCHAR(100) NULL,
    outcome              VARCHAR(24)  NULL,
    opinion              TEXT         NULL,
    concluded_at         TIMESTAMP(6) NULL,
    concluded_on         DATE         NULL,
    version              BIGINT       NOT NULL,
    KEY ix_legality_review_town_status (town_code, status),
    KEY ix_legality_review_town_concluded (town_code, concluded_on),
    KEY ix_legality_review_outgoing (outgoing_document_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 法律意见书, numbered per town and year when issued.
CREATE TABLE legal_opinion (
    id              CHAR(36)     NOT NULL PRIMARY KEY,
    town_code       VARCHAR(12)  NOT NULL,
    source_id       VARCHAR(100) NULL,
    subject_area    VARCHAR(32)  NOT NULL,
    question        TEXT         NOT NULL,
    opinion         TEXT         NULL,
    counsel         VARCHAR(100) NOT NULL,
    status          VARCHAR(12)  NOT NULL,
    drafted_by      VARCHAR(100) NOT NULL,
    created_at      TIMESTAMP(6) NOT NULL,
    number_year     INT          NULL,
    number_sequence INT          NULL,
    issued_by       VARCHAR(100) NULL,
    issued_on       DATE         NULL,
    version         BIGINT       NOT NULL,
    UNIQUE KEY ux_legal_opinion_number (town_code, number_year, number_sequence),
    UNIQUE KEY ux_legal_opinion_source (town_code, source_id),
    KEY ix_legal_opinion_town_issued (town_code, issued_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 代理案件: litigation, reconsideration and arbitration handled by counsel.
CREATE TABLE legal_case (
    id            CHAR(36)      NOT NULL PRIMARY KEY,
    town_code     VARCHAR(12)   NOT NULL,
    source_id     VARCHAR(100)  NULL,
    case_number   VARCHAR(100)  NOT NULL,
    court         VARCHAR(200)  NOT NULL,
    kind          VARCHAR(32)   NOT NULL,
    our_role      VARCHAR(16)   NOT NULL,
    counterparty  VARCHAR(300)  NOT NULL,
    counsel       VARCHAR(100)  NOT NULL,
    cause         VARCHAR(300)  NULL,
    status        VARCHAR(12)   NOT NULL,
    registered_on DATE          NOT NULL,
    registered_by VARCHAR(100)  NOT NULL,
    created_at    TIMESTAMP(6)  NOT NULL,
    judged_on     DATE          NULL,
    judgment      VARCHAR(4000) NULL,
    appeals       INT           NOT NULL DEFAULT 0,
    outcome       VARCHAR(12)   NULL,
    closed_on     DATE          NULL,
    closing_note  VARCHAR(2000) NULL,
    version       BIGINT        NOT NULL,
    UNIQUE KEY ux_legal_case_number (town_code, case_number),
    UNIQUE KEY ux_legal_case_source (town_code, source_id),
    KEY ix_legal_case_town_registered (town_code, registered_on),
    KEY ix_legal_case_town_status (town_code, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE legal_case_hearing (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id     CHAR(36)      NOT NULL,
    held_on     DATE          NOT NULL,
    description VARCHAR(2000) NOT NULL,
    recorded_by VARCHAR(100)  NOT NULL,
    recorded_at TIMESTAMP(6)  NOT NULL,
    KEY ix_legal_case_hearing_case (case_id, id),
    CONSTRAINT fk_legal_case_hearing FOREIGN KEY (case_id) REFERENCES legal_case (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The trail of the three legal records (record_id: a legality review, opinion or case id). Append-only.
CREATE TABLE legal_transition (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    record_id   CHAR(36)     NOT NULL,
    from_status VARCHAR(12)  NULL,
    to_status   VARCHAR(12)  NOT NULL,
    action      VARCHAR(40)  NOT NULL,
    actor       VARCHAR(100) NOT NULL,
    note        TEXT         NULL,
    at          TIMESTAMP(6) NOT NULL,
    KEY ix_legal_transition_record (record_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
