-- 好差评: one rating per application (一事一评); the bottom two levels (差评) open a rectification case.
CREATE TABLE rating (
    id                 CHAR(36)     NOT NULL PRIMARY KEY,
    town_code          VARCHAR(12)  NOT NULL,
    application_id     CHAR(36)     NOT NULL,
    application_number VARCHAR(40)  NOT NULL,
    matter_code        VARCHAR(64)  NOT NULL,
    department         VARCHAR(100) NOT NULL,
    level              VARCHAR(20)  NOT NULL,
    score              INT          NOT NULL,
    negative           BOOLEAN      NOT NULL,
    comment            VARCHAR(1000) NULL,
    channel            VARCHAR(20)  NOT NULL,
    rater_name         VARCHAR(50)  NULL,
    rater_phone        VARCHAR(20)  NULL,
    named              BOOLEAN      NOT NULL,
    rated_at           TIMESTAMP(6) NOT NULL,
    rated_by           VARCHAR(100) NOT NULL,
    version            BIGINT       NOT NULL,
    UNIQUE KEY uk_rating_application (application_id),
    KEY ix_rating_figures (town_code, rated_at, score, department),
    CONSTRAINT ck_rating_score CHECK (score BETWEEN 1 AND 5)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 差评整改: the department rectifies (or appeals) within the configured working days; the hall reviews; a named
-- 差评 gets a return visit before the case is finished.
CREATE TABLE rectification (
    id                  CHAR(36)      NOT NULL PRIMARY KEY,
    town_code           VARCHAR(12)   NOT NULL,
    rating_id           CHAR(36)      NOT NULL,
    application_id      CHAR(36)      NOT NULL,
    application_number  VARCHAR(40)   NOT NULL,
    department          VARCHAR(100)  NOT NULL,
    named               BOOLEAN       NOT NULL,
    status              VARCHAR(20)   NOT NULL,
    opened_at           TIMESTAMP(6)  NOT NULL,
    due_date            DATE          NOT NULL,
    measures            VARCHAR(2000) NULL,
    rectified_at        TIMESTAMP(6)  NULL,
    rectified_on_time   BOOLEAN       NULL,
    appeal_reason       VARCHAR(2000) NULL,
    return_visit_at     TIMESTAMP(6)  NULL,
    return_visit_by     VARCHAR(100)  NULL,
    return_visit_satisfied BOOLEAN    NULL,
    return_visit_note   VARCHAR(1000) NULL,
    finished_at         TIMESTAMP(6)  NULL,
    version             BIGINT        NOT NULL,
    UNIQUE KEY uk_rectification_rating (rating_id),
    KEY ix_rectification_town_status (town_code, status, due_date),
    KEY ix_rectification_department (town_code, department, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE rectification_transition (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    rectification_id  CHAR(36)      NOT NULL,
    from_status       VARCHAR(20)   NULL,
    to_status         VARCHAR(20)   NOT NULL,
    actor             VARCHAR(100)  NOT NULL,
    note              VARCHAR(2000) NULL,
    at                TIMESTAMP(6)  NOT NULL,
    KEY ix_rectification_transition (rectification_id, id),
    CONSTRAINT fk_transition_rectification FOREIGN KEY (rectification_id) REFERENCES rectification (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
