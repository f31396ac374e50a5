-- Platform tables every service owns in its own schema (Flyway location classpath:db/platform).
CREATE TABLE outbox_event (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    event_id       CHAR(36)     NOT NULL,
    topic          VARCHAR(200) NOT NULL,
    message_key    VARCHAR(200) NOT NULL,
    event_type     VARCHAR(200) NOT NULL,
    payload        LONGTEXT     NOT NULL,
    correlation_id VARCHAR(64)  NULL,
    created_at     TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    published_at   TIMESTAMP(6) NULL,
    attempts       INT          NOT NULL DEFAULT 0,
    UNIQUE KEY uk_outbox_event_event_id (event_id),
    KEY ix_outbox_event_pending (published_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE inbox_event (
    consumer    VARCHAR(100) NOT NULL,
    event_id    CHAR(36)     NOT NULL,
    received_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (consumer, event_id),
    KEY ix_inbox_event_received (received_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
