-- CPPCC members (委员) by term and sector (界别), and deputies' and members' activities (履职活动) with attendance.
CREATE TABLE cppcc_member (
    id                 CHAR(36)     NOT NULL PRIMARY KEY,
    town_code          VARCHAR(12)  NOT NULL,
    term_number        INT          NOT NULL,
    name               VARCHAR(50)  NOT NULL,
    sector             VARCHAR(50)  NOT NULL,
    party              VARCHAR(50)  NULL,
    occupation         VARCHAR(100) NULL,
    standing_committee BOOLEAN      NOT NULL,
    active             BOOLEAN      NOT NULL,
    created_at         TIMESTAMP(6) NOT NULL,
    version            BIGINT       NOT NULL,
    UNIQUE KEY uk_member_name (town_code, term_number, name, sector),
    KEY ix_member_sector (town_code, term_number, sector)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE member_activity (
    id         CHAR(36)     NOT NULL PRIMARY KEY,
    town_code  VARCHAR(12)  NOT NULL,
    kind       VARCHAR(12)  NOT NULL,
    title      VARCHAR(200) NOT NULL,
    held_on    DATE         NOT NULL,
    place      VARCHAR(200) NULL,
    summary    TEXT         NULL,
    created_by VARCHAR(100) NOT NULL,
    version    BIGINT       NOT NULL,
    KEY ix_activity_town (town_code, held_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- who was invited (a deputy or a CPPCC member, by id: no foreign key across the two registers) and who came
CREATE TABLE member_activity_participant (
    activity_id CHAR(36)   NOT NULL,
    list_index  INT        NOT NULL,
    person_kind VARCHAR(8) NOT NULL,
    person_id   CHAR(36)   NOT NULL,
    attended    BOOLEAN    NOT NULL,
    PRIMARY KEY (activity_id, list_index),
    KEY ix_participant_person (person_id),
    CONSTRAINT fk_participant_activity FOREIGN KEY (activity_id) REFERENCES member_activity (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
