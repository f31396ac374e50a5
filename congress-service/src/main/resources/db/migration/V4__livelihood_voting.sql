-- 民生实事项目票决制: projects from proposal to evaluation, votes at sessions, anonymous ballots counted once.
CREATE TABLE livelihood_project (
    id                   CHAR(36)      NOT NULL PRIMARY KEY,
    town_code            VARCHAR(12)   NOT NULL,
    year                 INT           NOT NULL,
    title                VARCHAR(200)  NOT NULL,
    description          TEXT          NULL,
    source               VARCHAR(100)  NULL,
    sponsor_unit         VARCHAR(100)  NOT NULL,
    estimated_budget     DECIMAL(14,2) NULL,
    status               VARCHAR(12)   NOT NULL,
    vote_id              CHAR(36)      NULL,
    votes                BIGINT        NULL,
    progress_percent     INT           NOT NULL DEFAULT 0,
    started_on           DATE          NULL,
    completed_on         DATE          NULL,
    evaluation_grade     VARCHAR(10)   NULL,
    satisfaction_percent INT           NULL,
    evaluation_summary   TEXT          NULL,
    created_by           VARCHAR(100)  NOT NULL,
    version              BIGINT        NOT NULL,
    KEY ix_project_town_year (town_code, year, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE livelihood_project_transition (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    project_id  CHAR(36)      NOT NULL,
    from_status VARCHAR(12)   NULL,
    to_status   VARCHAR(12)   NOT NULL,
    actor       VARCHAR(100)  NOT NULL,
    note        VARCHAR(5000) NULL,
    at          TIMESTAMP(6)  NOT NULL,
    KEY ix_project_transition (project_id, id),
    CONSTRAINT fk_project_transition FOREIGN KEY (project_id) REFERENCES livelihood_project (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE livelihood_supervision_visit (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    project_id       CHAR(36)      NOT NULL,
    visited_on       DATE          NOT NULL,
    progress_percent INT           NULL,
    findings         TEXT          NOT NULL,
    participants     VARCHAR(2000) NULL,
    recorded_by      VARCHAR(100)  NOT NULL,
    recorded_at      TIMESTAMP(6)  NOT NULL,
    KEY ix_visit_project (project_id, id),
    CONSTRAINT fk_visit_project FOREIGN KEY (project_id) REFERENCES livelihood_project (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE livelihood_vote (
    id                 CHAR(36)     NOT NULL PRIMARY KEY,
    town_code          VARCHAR(12)  NOT NULL,
    session_id         CHAR(36)     NOT NULL,
    session_name       VARCHAR(100) NOT NULL,
    title              VARCHAR(200) NOT NULL,
    seats              INT          NOT NULL,
    status             VARCHAR(10)  NOT NULL,
    seated             BIGINT       NOT NULL,
    present            BIGINT       NOT NULL,
    majority_base      VARCHAR(10)  NOT NULL,
    majority_threshold BIGINT       NULL,
    ballots_cast       BIGINT       NULL,
    ballot_digest      CHAR(64)     NULL,
    opened_at          TIMESTAMP(6) NOT NULL,
    opened_by          VARCHAR(100) NOT NULL,
    tallied_at         TIMESTAMP(6) NULL,
    version            BIGINT       NOT NULL,
    KEY ix_vote_town (town_code, opened_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE livelihood_vote_candidate (
    vote_id    CHAR(36) NOT NULL,
    list_index INT      NOT NULL,
    project_id CHAR(36) NOT NULL,
    PRIMARY KEY (vote_id, list_index),
    CONSTRAINT fk_candidate_vote FOREIGN KEY (vote_id) REFERENCES livelihood_vote (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE livelihood_vote_result (
    vote_id    CHAR(36)    NOT NULL,
    list_index INT         NOT NULL,
    project_id CHAR(36)    NOT NULL,
    votes      BIGINT      NOT NULL,
    vote_rank  INT         NOT NULL,
    outcome    VARCHAR(12) NOT NULL,
    PRIMARY KEY (vote_id, list_index),
    CONSTRAINT fk_result_vote FOREIGN KEY (vote_id) REFERENCES livelihood_vote (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- That a deputy voted: the primary key refuses a second ballot. Nothing here says what they chose.
CREATE TABLE livelihood_vote_participation (
    vote_id   CHAR(36)     NOT NULL,
    deputy_id CHAR(36)     NOT NULL,
    cast_at   TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (vote_id, deputy_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What was chosen, under a random id with no time and no deputy (secret ballot). Insert-only.
CREATE TABLE livelihood_ballot (
    vote_id   CHAR(36)      NOT NULL,
    ballot_id CHAR(36)      NOT NULL,
    choices   VARCHAR(2000) NOT NULL,
    PRIMARY KEY (vote_id, ballot_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
