-- Rollups of the hotline figures (issue #11), so a year's /api/hotline/stats reads ~365 rows per town instead of every
-- work order of the year. Kept by the same transactions as the orders they count (FigureRollupService), rebuilt from
-- the live rows by the historical import for the days it touched; filled here from existing rows. Every figure equals
-- what the GROUP BY over work_order gives (HotlineStatsService.liveStats is the oracle). Orders count by the day
-- (Asia/Shanghai) they were accepted; merged ones count nowhere.

-- The counts of a town's day: 受理量 and what 响应率, 按时办结率 and 满意率 are made of.
CREATE TABLE figure_work_order_day (
    town_code      VARCHAR(12) NOT NULL,
    accepted_on    DATE        NOT NULL,
    total          BIGINT      NOT NULL,
    dispatched     BIGINT      NOT NULL,
    signed_on_time BIGINT      NOT NULL,
    closed         BIGINT      NOT NULL,
    closed_on_time BIGINT      NOT NULL,
    revisited      BIGINT      NOT NULL,
    satisfied      BIGINT      NOT NULL,
    PRIMARY KEY (town_code, accepted_on)
) ENGINE = InnoDB;

-- A town's day's orders by type, by channel and by department ('(未派单)' before dispatch): one row per value, so a
-- day holds a few dozen rows whatever its volume. The key has work_order's collation: groups and ties sort alike.
CREATE TABLE figure_work_order_group_day (
    town_code   VARCHAR(12)  NOT NULL,
    dimension   VARCHAR(10)  NOT NULL, -- TYPE, CHANNEL or DEPARTMENT
    accepted_on DATE         NOT NULL,
    group_key   VARCHAR(100) NOT NULL,
    orders      BIGINT       NOT NULL,
    PRIMARY KEY (town_code, dimension, accepted_on, group_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The day in Asia/Shanghai (UTC+8, no daylight saving since 1991) of the stored instant, whatever the session's zone.
INSERT INTO figure_work_order_day
    (town_code, accepted_on, total, dispatched, signed_on_time, closed, closed_on_time, revisited, satisfied)
SELECT town_code, DATE(TIMESTAMP('1970-01-01') + INTERVAL (FLOOR(UNIX_TIMESTAMP(accepted_at)) + 28800) SECOND) AS day,
       COUNT(*), COALESCE(SUM(dispatched_at IS NOT NULL), 0), COALESCE(SUM(signed_on_time = TRUE), 0),
       COALESCE(SUM(status = 'CLOSED'), 0),
       COALESCE(SUM(status = 'CLOSED'
                    AND DATE(TIMESTAMP('1970-01-01') + INTERVAL (FLOOR(UNIX_TIMESTAMP(replied_at)) + 28800) SECOND) <= due_date), 0),
       COALESCE(SUM(satisfaction IS NOT NULL), 0),
       COALESCE(SUM(satisfaction IN ('SATISFIED', 'BASICALLY_SATISFIED')), 0)
FROM work_order
WHERE status <> 'MERGED'
GROUP BY town_code, day;

INSERT INTO figure_work_order_group_day (town_code, dimension, accepted_on, group_key, orders)
SELECT town_code, 'TYPE', day, order_type, COUNT(*) FROM (
    SELECT town_code, DATE(TIMESTAMP('1970-01-01') + INTERVAL (FLOOR(UNIX_TIMESTAMP(accepted_at)) + 28800) SECOND) AS day,
           order_type FROM work_order WHERE status <> 'MERGED') o
GROUP BY town_code, day, order_type
UNION ALL
SELECT town_code, 'CHANNEL', day, channel, COUNT(*) FROM (
    SELECT town_code, DATE(TIMESTAMP('1970-01-01') + INTERVAL (FLOOR(UNIX_TIMESTAMP(accepted_at)) + 28800) SECOND) AS day,
           channel FROM work_order WHERE status <> 'MERGED') o
GROUP BY town_code, day, channel
UNION ALL
SELECT town_code, 'DEPARTMENT', day, department, COUNT(*) FROM (
    SELECT town_code, DATE(TIMESTAMP('1970-01-01') + INTERVAL (FLOOR(UNIX_TIMESTAMP(accepted_at)) + 28800) SECOND) AS day,
           COALESCE(department, '(未派单)') AS department FROM work_order WHERE status <> 'MERGED') o
GROUP BY town_code, day, department;
