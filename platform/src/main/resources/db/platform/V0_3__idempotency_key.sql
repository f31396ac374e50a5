-- Idempotency-Key (IETF draft-ietf-httpapi-idempotency-key-header): one row per caller and key of a POST, so that a
-- request repeated after a lost answer (a gateway timeout, a dropped connection) is answered from here instead of
-- being carried out twice. Kept for zhenwu.web.idempotency.retention (24 h), then deleted by the clean-up.
--   state      STARTED while the first request runs, COMPLETED once its answer is stored
--   committed  set inside every write transaction of the request, so it is true exactly when the request changed data
--   fingerprint SHA-256 of the method, path, query and body: the same key on another request is refused
CREATE TABLE idempotency_key (
    caller          VARCHAR(255)  NOT NULL,
    idem_key        VARCHAR(128)  NOT NULL,
    fingerprint     CHAR(64)      NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    committed       BOOLEAN       NOT NULL DEFAULT FALSE,
    started_at      TIMESTAMP(3)  NOT NULL,
    completed_at    TIMESTAMP(3)  NULL,
    response_status SMALLINT      NULL,
    content_type    VARCHAR(200)  NULL,
    location        VARCHAR(2000) NULL,
    response_body   MEDIUMBLOB    NULL,
    PRIMARY KEY (caller, idem_key),
    KEY ix_idempotency_key_started (started_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
