-- The rest of the suggestion loop: motions, co-units' views, extensions, replies A–D with feedback, re-handling,
-- B/C tracking, deadline reminders and escalation, supervision completed in document-service, historical import.
ALTER TABLE suggestion
    ADD COLUMN kind                     VARCHAR(12)  NOT NULL DEFAULT 'SUGGESTION' AFTER town_code,
    ADD COLUMN co_views_due             DATE         NULL,
    ADD COLUMN co_views_reminded        BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN co_views_escalated       BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN reply_reminded           BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN reply_escalated          BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN extended_from            DATE         NULL,
    ADD COLUMN extension_reason         VARCHAR(500) NULL,
    ADD COLUMN deputies_told_on         DATE         NULL,
    ADD COLUMN category                 VARCHAR(1)   NULL,
    ADD COLUMN reply_count              INT          NOT NULL DEFAULT 0,
    ADD COLUMN first_replied_at         TIMESTAMP(6) NULL,
    ADD COLUMN first_reply_on_time      BOOLEAN      NULL,
    ADD COLUMN last_replied_at          TIMESTAMP(6) NULL,
    ADD COLUMN satisfaction             VARCHAR(20)  NULL,
    ADD COLUMN rehandlings              INT          NOT NULL DEFAULT 0,
    ADD COLUMN closed_at                TIMESTAMP(6) NULL,
    ADD COLUMN supervision_task_id      CHAR(36)     NULL,
    ADD COLUMN supervision_completed_on DATE         NULL,
    ADD COLUMN source_id                VARCHAR(100) NULL,
    DROP KEY uk_suggestion_number,
    ADD UNIQUE KEY uk_suggestion_number (town_code, session, kind, registration_number),
    ADD UNIQUE KEY uk_suggestion_source (town_code, source_id),
    ADD KEY ix_suggestion_reply_due (status, reply_escalated, reply_due),
    ADD KEY ix_suggestion_co_views_due (status, co_views_escalated, co_views_due),
    ADD KEY ix_suggestion_lead_unit (town_code, lead_unit, status);

-- 协办意见: each co-unit's views to the lead unit.
ALTER TABLE suggestion_co_unit
    ADD COLUMN view_text TEXT         NULL,
    ADD COLUMN viewed_at TIMESTAMP(6) NULL,
    ADD COLUMN viewed_by VARCHAR(100) NULL,
    ADD KEY ix_co_unit_unit (unit);

-- Motions are numbered apart from suggestions.
ALTER TABLE suggestion_counter
    ADD COLUMN kind VARCHAR(12) NOT NULL DEFAULT 'SUGGESTION',
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (town_code, session, kind);

-- Every reply of the lead unit, with the deputies' feedback on it (征询意见表). Replies are never changed.
CREATE TABLE suggestion_reply (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    suggestion_id CHAR(36)     NOT NULL,
    round         INT          NOT NULL,
    stage         VARCHAR(10)  NOT NULL,
    category      VARCHAR(1)   NOT NULL,
    unit          VARCHAR(100) NOT NULL,
    content       TEXT         NOT NULL,
    replied_by    VARCHAR(100) NOT NULL,
    replied_at    TIMESTAMP(6) NOT NULL,
    due           DATE         NULL,
    on_time       BOOLEAN      NOT NULL,
    satisfaction  VARCHAR(20)  NULL,
    feedback_note VARCHAR(2000) NULL,
    feedback_by   VARCHAR(100) NULL,
    feedback_at   TIMESTAMP(6) NULL,
    UNIQUE KEY uk_suggestion_reply_round (suggestion_id, round),
    CONSTRAINT fk_reply_suggestion FOREIGN KEY (suggestion_id) REFERENCES suggestion (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
