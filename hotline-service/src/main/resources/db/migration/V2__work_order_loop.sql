-- The whole 12345 loop: department handling, return visits, extensions, escalation, merge, agents' queues.
ALTER TABLE work_order
    ADD COLUMN dispatched_at      TIMESTAMP(6) NULL,
    ADD COLUMN signed_at          TIMESTAMP(6) NULL,
    ADD COLUMN replied_at         TIMESTAMP(6) NULL,
    ADD COLUMN closed_at          TIMESTAMP(6) NULL,
    ADD COLUMN reply              TEXT         NULL,
    ADD COLUMN satisfaction       VARCHAR(20)  NULL,
    ADD COLUMN reopen_count       INT          NOT NULL DEFAULT 0,
    ADD COLUMN merged_into        CHAR(36)     NULL,
    ADD COLUMN extension_days     INT          NULL,
    ADD COLUMN extension_reason   VARCHAR(500) NULL,
    ADD COLUMN escalated          BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN reminded           BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN urge_count         INT          NOT NULL DEFAULT 0,
    -- agents' queues: which queue the order waits in, from which day, and who holds it until when
    ADD COLUMN queue              VARCHAR(10)  NULL,
    ADD COLUMN priority           INT          NOT NULL DEFAULT 1,
    ADD COLUMN queue_available_on DATE         NULL,
    ADD COLUMN leased_by          VARCHAR(100) NULL,
    ADD COLUMN lease_until        TIMESTAMP(6) NULL,
    ADD COLUMN source_id          VARCHAR(100) NULL,
    ADD UNIQUE KEY uk_work_order_source (town_code, source_id),
    ADD KEY ix_work_order_queue (town_code, queue, priority, due_date, id),
    ADD KEY ix_work_order_department (town_code, department, status),
    ADD KEY ix_work_order_due (status, escalated, due_date);

UPDATE work_order SET queue = 'DISPATCH', priority = IF(urgency = 'URGENT', 0, 1), queue_available_on = DATE(accepted_at)
WHERE status IN ('ACCEPTED', 'RETURNED', 'REOPENED');

-- 派单目录: which department handles a category, per town. Maintained by agents' supervisors.
CREATE TABLE dispatch_rule (
    town_code  VARCHAR(12)  NOT NULL,
    category   VARCHAR(100) NOT NULL,
    department VARCHAR(100) NOT NULL,
    PRIMARY KEY (town_code, category)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

