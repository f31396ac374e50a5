-- Terms (届), deputies, sessions with attendance, presidium meetings, liaison stations and public opinions.
CREATE TABLE congress_term (
    id        CHAR(36)    NOT NULL PRIMARY KEY,
    town_code VARCHAR(12) NOT NULL,
    number    INT         NOT NULL,
    starts_on DATE        NOT NULL,
    ends_on   DATE        NULL,
    version   BIGINT      NOT NULL,
    UNIQUE KEY uk_term_number (town_code, number)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE deputy (
    id               CHAR(36)     NOT NULL PRIMARY KEY,
    town_code        VARCHAR(12)  NOT NULL,
    term_id          CHAR(36)     NOT NULL,
    name             VARCHAR(50)  NOT NULL,
    constituency     VARCHAR(100) NOT NULL,
    delegation       VARCHAR(100) NULL,
    occupation       VARCHAR(100) NULL,
    presidium_member BOOLEAN      NOT NULL,
    active           BOOLEAN      NOT NULL,
    created_at       TIMESTAMP(6) NOT NULL,
    version          BIGINT       NOT NULL,
    UNIQUE KEY uk_deputy_name (term_id, name, constituency),
    KEY ix_deputy_town (town_code, term_id, name),
    CONSTRAINT fk_deputy_term FOREIGN KEY (term_id) REFERENCES congress_term (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE congress_session (
    id          CHAR(36)     NOT NULL PRIMARY KEY,
    town_code   VARCHAR(12)  NOT NULL,
    term_id     CHAR(36)     NOT NULL,
    term_number INT          NOT NULL,
    number      INT          NOT NULL,
    name        VARCHAR(100) NOT NULL,
    short_name  VARCHAR(100) NOT NULL,
    opens_on    DATE         NOT NULL,
    closes_on   DATE         NULL,
    version     BIGINT       NOT NULL,
    UNIQUE KEY uk_session_number (term_id, number),
    KEY ix_session_town (town_code, opens_on),
    CONSTRAINT fk_session_term FOREIGN KEY (term_id) REFERENCES congress_term (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 报到: one row per deputy present; the primary key makes a second check-in a no-op.
CREATE TABLE session_attendance (
    session_id    CHAR(36)     NOT NULL,
    deputy_id     CHAR(36)     NOT NULL,
    checked_in_at TIMESTAMP(6) NOT NULL,
    checked_in_by VARCHAR(100) NOT NULL,
    PRIMARY KEY (session_id, deputy_id),
    CONSTRAINT fk_attendance_session FOREIGN KEY (session_id) REFERENCES congress_session (id),
    CONSTRAINT fk_attendance_deputy FOREIGN KEY (deputy_id) REFERENCES deputy (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE presidium_meeting (
    id        CHAR(36)      NOT NULL PRIMARY KEY,
    town_code VARCHAR(12)   NOT NULL,
    term_id   CHAR(36)      NOT NULL,
    held_on   DATE          NOT NULL,
    topics    VARCHAR(2000) NOT NULL,
    decisions TEXT          NULL,
    version   BIGINT        NOT NULL,
    KEY ix_presidium_town (town_code, held_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE presidium_attendee (
    meeting_id CHAR(36) NOT NULL,
    list_index INT      NOT NULL,
    deputy_id  CHAR(36) NOT NULL,
    PRIMARY KEY (meeting_id, list_index),
    CONSTRAINT fk_attendee_meeting FOREIGN KEY (meeting_id) REFERENCES presidium_meeting (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE liaison_station (
    id                CHAR(36)     NOT NULL PRIMARY KEY,
    town_code         VARCHAR(12)  NOT NULL,
    kind              VARCHAR(12)  NOT NULL,
    name              VARCHAR(100) NOT NULL,
    address           VARCHAR(200) NULL,
    host_organisation VARCHAR(100) NULL,
    version           BIGINT       NOT NULL,
    KEY ix_station_town (town_code, kind)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE liaison_station_deputy (
    station_id CHAR(36) NOT NULL,
    list_index INT      NOT NULL,
    deputy_id  CHAR(36) NOT NULL,
    PRIMARY KEY (station_id, list_index),
    CONSTRAINT fk_station_deputy_station FOREIGN KEY (station_id) REFERENCES liaison_station (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 民意: collected at a station; citizen_contact is kept for the answer and never listed.
CREATE TABLE public_opinion (
    id              CHAR(36)     NOT NULL PRIMARY KEY,
    town_code       VARCHAR(12)  NOT NULL,
    station_id      CHAR(36)     NOT NULL,
    deputy_id       CHAR(36)     NULL,
    collected_on    DATE         NOT NULL,
    citizen_name    VARCHAR(50)  NULL,
    citizen_contact VARCHAR(50)  NULL,
    content         TEXT         NOT NULL,
    status          VARCHAR(12)  NOT NULL,
    referred_to     VARCHAR(100) NULL,
    suggestion_id   CHAR(36)     NULL,
    reply           TEXT         NULL,
    answered_at     TIMESTAMP(6) NULL,
    version         BIGINT       NOT NULL,
    KEY ix_opinion_town (town_code, collected_on),
    KEY ix_opinion_station (station_id, status),
    CONSTRAINT fk_opinion_station FOREIGN KEY (station_id) REFERENCES liaison_station (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE public_opinion_transition (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    opinion_id  CHAR(36)      NOT NULL,
    from_status VARCHAR(12)   NULL,
    to_status   VARCHAR(12)   NOT NULL,
    actor       VARCHAR(100)  NOT NULL,
    note        VARCHAR(5000) NULL,
    at          TIMESTAMP(6)  NOT NULL,
    KEY ix_opinion_transition (opinion_id, id),
    CONSTRAINT fk_opinion_transition FOREIGN KEY (opinion_id) REFERENCES public_opinion (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
