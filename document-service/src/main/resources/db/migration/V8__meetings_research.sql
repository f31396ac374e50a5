-- 办会: meeting rooms, meetings with agenda, attendees (sign-in, leave), decisions (议定事项 → 督办), trail.
CREATE TABLE meeting_room (
    id         CHAR(36)     NOT NULL PRIMARY KEY,
    town_code  VARCHAR(12)  NOT NULL,
    name       VARCHAR(100) NOT NULL,
    seats      INT          NOT NULL,
    location   VARCHAR(200) NULL,
    created_by VARCHAR(100) NOT NULL,
    created_at TIMESTAMP(6) NOT NULL,
    version    BIGINT       NOT NULL,
    UNIQUE KEY uk_meeting_room_name (town_code, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE meeting (
    id                   CHAR(36)      NOT NULL PRIMARY KEY,
    town_code            VARCHAR(12)   NOT NULL,
    meeting_type         VARCHAR(30)   NOT NULL,
    title                VARCHAR(300)  NOT NULL,
    host                 VARCHAR(100)  NOT NULL,
    room_id              CHAR(36)      NULL,
    place                VARCHAR(200)  NULL,
    starts_at            TIMESTAMP(6)  NOT NULL,
    ends_at              TIMESTAMP(6)  NOT NULL,
    status               VARCHAR(12)   NOT NULL,
    notice               VARCHAR(2000) NULL,
    notified_at          TIMESTAMP(6)  NULL,
    held_at              TIMESTAMP(6)  NULL,
    minutes_document_id  CHAR(36)      NULL,
    minuted_at           TIMESTAMP(6)  NULL,
    cancel_reason        VARCHAR(2000) NULL,
    cancelled_at         TIMESTAMP(6)  NULL,
    transport_needed     BOOLEAN       NOT NULL DEFAULT FALSE,
    pickup_place         VARCHAR(200)  NULL,
    transport_destination VARCHAR(200) NULL,
    passengers           VARCHAR(1000) NULL,
    passenger_count      INT           NULL,
    transport_contact    VARCHAR(100)  NULL,
    transport_phone      VARCHAR(40)   NULL,
    created_by           VARCHAR(100)  NOT NULL,
    created_at           TIMESTAMP(6)  NOT NULL,
    source_id            VARCHAR(100)  NULL,
    version              BIGINT        NOT NULL,
    KEY ix_meeting_room_window (room_id, starts_at, ends_at),
    KEY ix_meeting_town_start (town_code, starts_at),
    UNIQUE KEY uk_meeting_source (town_code, source_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE meeting_agenda_item (
    meeting_id CHAR(36)     NOT NULL,
    position   INT          NOT NULL,
    item       VARCHAR(500) NOT NULL,
    PRIMARY KEY (meeting_id, position),
    CONSTRAINT fk_meeting_agenda FOREIGN KEY (meeting_id) REFERENCES meeting (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE meeting_attendee (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    meeting_id   CHAR(36)      NOT NULL,
    name         VARCHAR(100)  NOT NULL,
    unit         VARCHAR(200)  NULL,
    signed_in_at TIMESTAMP(6)  NULL,
    signed_in_by VARCHAR(100)  NULL,
    on_leave     BOOLEAN       NOT NULL DEFAULT FALSE,
    leave_reason VARCHAR(500)  NULL,
    KEY ix_meeting_attendee (meeting_id, id),
    CONSTRAINT fk_meeting_attendee FOREIGN KEY (meeting_id) REFERENCES meeting (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE meeting_decision (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    meeting_id       CHAR(36)      NOT NULL,
    content          VARCHAR(2000) NOT NULL,
    owner_department VARCHAR(100)  NOT NULL,
    task_id          CHAR(36)      NULL,
    KEY ix_meeting_decision (meeting_id, id),
    CONSTRAINT fk_meeting_decision FOREIGN KEY (meeting_id) REFERENCES meeting (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE meeting_transition (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    meeting_id  CHAR(36)     NOT NULL,
    from_status VARCHAR(12)  NULL,
    to_status   VARCHAR(12)  NOT NULL,
    action      VARCHAR(40)  NOT NULL,
    actor       VARCHAR(100) NOT NULL,
    note        TEXT         NULL,
    at          TIMESTAMP(6) NOT NULL,
    KEY ix_meeting_transition (meeting_id, id),
    CONSTRAINT fk_meeting_transition FOREIGN KEY (meeting_id) REFERENCES meeting (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 调研: research visits, the tasks (督办) they turned into, trail. The report's file is an attachment of the visit.
CREATE TABLE research_visit (
    id            CHAR(36)      NOT NULL PRIMARY KEY,
    town_code     VARCHAR(12)   NOT NULL,
    topic         VARCHAR(300)  NOT NULL,
    leaders       VARCHAR(500)  NOT NULL,
    places        VARCHAR(1000) NOT NULL,
    method        VARCHAR(20)   NOT NULL,
    start_date    DATE          NOT NULL,
    end_date      DATE          NOT NULL,
    status        VARCHAR(12)   NOT NULL,
    findings      TEXT          NULL,
    conducted_at  TIMESTAMP(6)  NULL,
    report        MEDIUMTEXT    NULL,
    reported_at   TIMESTAMP(6)  NULL,
    cancel_reason VARCHAR(2000) NULL,
    created_by    VARCHAR(100)  NOT NULL,
    created_at    TIMESTAMP(6)  NOT NULL,
    source_id     VARCHAR(100)  NULL,
    version       BIGINT        NOT NULL,
    KEY ix_research_town_start (town_code, start_date),
    UNIQUE KEY uk_research_source (town_code, source_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE research_visit_task (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    visit_id         CHAR(36)      NOT NULL,
    title            VARCHAR(300)  NOT NULL,
    owner_department VARCHAR(100)  NOT NULL,
    task_id          CHAR(36)      NOT NULL,
    KEY ix_research_visit_task (visit_id, id),
    CONSTRAINT fk_research_visit_task FOREIGN KEY (visit_id) REFERENCES research_visit (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE research_visit_transition (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    visit_id    CHAR(36)     NOT NULL,
    from_status VARCHAR(12)  NULL,
    to_status   VARCHAR(12)  NOT NULL,
    action      VARCHAR(40)  NOT NULL,
    actor       VARCHAR(100) NOT NULL,
    note        TEXT         NULL,
    at          TIMESTAMP(6) NOT NULL,
    KEY ix_research_visit_transition (visit_id, id),
    CONSTRAINT fk_research_visit_transition FOREIGN KEY (visit_id) REFERENCES research_visit (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
