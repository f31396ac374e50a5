-- 市民之窗: self-service kiosks at villages and sites, a channel for tickets and applications.
CREATE TABLE kiosk (
    id         CHAR(36)     NOT NULL PRIMARY KEY,
    town_code  VARCHAR(12)  NOT NULL,
    code       VARCHAR(40)  NOT NULL,
    name       VARCHAR(100) NOT NULL,
    site       VARCHAR(200) NOT NULL,
    active     BOOLEAN      NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    created_by VARCHAR(100) NOT NULL,
    version    BIGINT       NOT NULL,
    UNIQUE KEY uk_kiosk_town_code (town_code, code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A queue of the hall (A 综合受理, B 社保医保…): its code is the ticket prefix, numbers run first..last each day.
CREATE TABLE ticket_queue (
    id           CHAR(36)     NOT NULL PRIMARY KEY,
    town_code    VARCHAR(12)  NOT NULL,
    code         VARCHAR(2)   NOT NULL,
    name         VARCHAR(100) NOT NULL,
    first_number INT          NOT NULL,
    last_number  INT          NOT NULL,
    created_at   TIMESTAMP(6) NOT NULL,
    created_by   VARCHAR(100) NOT NULL,
    version      BIGINT       NOT NULL,
    UNIQUE KEY uk_ticket_queue_town_code (town_code, code),
    CONSTRAINT ck_ticket_queue_range CHECK (first_number >= 0 AND last_number >= first_number AND last_number <= 9999)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A window (窗口) and its work profile: the queues it serves, in order.
CREATE TABLE service_window (
    id                CHAR(36)     NOT NULL PRIMARY KEY,
    town_code         VARCHAR(12)  NOT NULL,
    number            VARCHAR(20)  NOT NULL,
    name              VARCHAR(100) NOT NULL,
    current_ticket_id CHAR(36)     NULL,
    created_at        TIMESTAMP(6) NOT NULL,
    created_by        VARCHAR(100) NOT NULL,
    version           BIGINT       NOT NULL,
    UNIQUE KEY uk_service_window_town_number (town_code, number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE service_window_queue (
    window_id  CHAR(36)   NOT NULL,
    list_index INT        NOT NULL,
    queue_code VARCHAR(2) NOT NULL,
    PRIMARY KEY (window_id, list_index),
    CONSTRAINT fk_window_queue_window FOREIGN KEY (window_id) REFERENCES service_window (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Daily ticket numbers per queue, taken under the row lock of this counter until commit.
CREATE TABLE ticket_counter (
    town_code   VARCHAR(12) NOT NULL,
    queue_code  VARCHAR(2)  NOT NULL,
    service_day DATE        NOT NULL,
    last_number INT         NOT NULL,
    PRIMARY KEY (town_code, queue_code, service_day)
) ENGINE = InnoDB;

-- A ticket per visit. Waiting time = first call − issue; service time = finish − arrival at the window.
CREATE TABLE ticket (
    id                 CHAR(36)     NOT NULL PRIMARY KEY,
    town_code          VARCHAR(12)  NOT NULL,
    queue_code         VARCHAR(2)   NOT NULL,
    service_day        DATE         NOT NULL,
    number             VARCHAR(8)   NOT NULL,
    priority           VARCHAR(20)  NOT NULL,
    priority_rank      INT          NOT NULL,
    priority_reason    VARCHAR(20)  NULL,
    channel            VARCHAR(20)  NOT NULL,
    kiosk_id           CHAR(36)     NULL,
    appointment_ref    VARCHAR(64)  NULL,
    applicant_name     VARCHAR(50)  NULL,
    applicant_phone    VARCHAR(20)  NULL,
    status             VARCHAR(20)  NOT NULL,
    issued_at          TIMESTAMP(6) NOT NULL,
    -- the place in line, in issue order across the town: timestamps cannot break ties (MariaDB reports itself as
    -- 5.5.5 to Connector/J, which then drops fractional seconds), and a transferred ticket keeps its place
    issue_order        BIGINT       NOT NULL AUTO_INCREMENT,
    issued_by          VARCHAR(100) NOT NULL,
    first_called_at    TIMESTAMP(6) NULL,
    last_called_at     TIMESTAMP(6) NULL,
    call_count         INT          NOT NULL DEFAULT 0,
    window_id          CHAR(36)     NULL,
    window_number      VARCHAR(20)  NULL,
    served_by          VARCHAR(100) NULL,
    serving_started_at TIMESTAMP(6) NULL,
    finished_at        TIMESTAMP(6) NULL,
    waiting_seconds    INT          NULL,
    service_seconds    INT          NULL,
    transfer_count     INT          NOT NULL DEFAULT 0,
    version            BIGINT       NOT NULL,
    UNIQUE KEY uk_ticket_number (town_code, service_day, number),
    UNIQUE KEY uk_ticket_issue_order (issue_order),
    -- the call: one SKIP LOCKED row per queue, read in this index's order
    KEY ix_ticket_call (town_code, queue_code, service_day, status, priority_rank, issue_order),
    KEY ix_ticket_window_day (window_id, service_day),
    KEY ix_ticket_town_issued (town_code, issued_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE ticket_transition (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    ticket_id   CHAR(36)     NOT NULL,
    from_status VARCHAR(20)  NULL,
    to_status   VARCHAR(20)  NOT NULL,
    actor       VARCHAR(100) NOT NULL,
    note        VARCHAR(500) NULL,
    at          TIMESTAMP(6) NOT NULL,
    KEY ix_ticket_transition_ticket (ticket_id, id),
    CONSTRAINT fk_transition_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
