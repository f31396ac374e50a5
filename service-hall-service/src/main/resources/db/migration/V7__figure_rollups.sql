-- Rollups of the hall figures (issue #4), so a year's figures read ~365 rows per town and department instead of every
-- application, ticket and rating of the year. Kept by the same transactions as the rows they count (FigureRollups),
-- rebuilt from the live tables by the historical import for the days it touched; filled here from existing rows.
-- Every figure equals what a GROUP BY over the live tables gives (ServiceHallStatsService.liveStats is the oracle).

-- Applications counted by the day they were accepted (受理): those running or done (not withdrawn, not awaiting 补正).
CREATE TABLE figure_application_day (
    town_code    VARCHAR(12)  NOT NULL,
    accepted_on  DATE         NOT NULL,
    department   VARCHAR(100) NOT NULL,
    accepted     BIGINT       NOT NULL,
    completed    BIGINT       NOT NULL,
    on_time      BIGINT       NOT NULL,
    working_days BIGINT       NOT NULL,
    PRIMARY KEY (town_code, accepted_on, department)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Called tickets per month of their service day and whole second of waiting: exact percentiles from the counts.
-- A month of a large town holds a few thousand distinct seconds; partial months are read from the tickets themselves.
CREATE TABLE figure_waiting_month (
    town_code       VARCHAR(12) NOT NULL,
    month           DATE        NOT NULL, -- the first day of the month
    waiting_seconds INT         NOT NULL,
    tickets         BIGINT      NOT NULL,
    PRIMARY KEY (town_code, month, waiting_seconds)
) ENGINE = InnoDB;

-- 好差评 by the day (Asia/Shanghai) they were given; the case columns count named 差评 by their rectification.
CREATE TABLE figure_rating_day (
    town_code      VARCHAR(12) NOT NULL,
    rated_on       DATE        NOT NULL,
    total          BIGINT      NOT NULL,
    good           BIGINT      NOT NULL,
    negative       BIGINT      NOT NULL,
    named_negative BIGINT      NOT NULL,
    rectified      BIGINT      NOT NULL,
    voided         BIGINT      NOT NULL,
    visited        BIGINT      NOT NULL,
    PRIMARY KEY (town_code, rated_on)
) ENGINE = InnoDB;

INSERT INTO figure_application_day (town_code, accepted_on, department, accepted, completed, on_time, working_days)
SELECT town_code, accepted_on, department, COUNT(*), COALESCE(SUM(status IN ('COMPLETED', 'DELIVERED')), 0),
       COALESCE(SUM(on_time = TRUE), 0), COALESCE(SUM(working_days), 0)
FROM application
WHERE accepted_on IS NOT NULL AND status IN ('ACCEPTED', 'APPROVED', 'REJECTED', 'COMPLETED', 'DELIVERED')
GROUP BY town_code, accepted_on, department;

INSERT INTO figure_waiting_month (town_code, month, waiting_seconds, tickets)
SELECT town_code, service_day - INTERVAL (DAYOFMONTH(service_day) - 1) DAY, waiting_seconds, COUNT(*)
FROM ticket
WHERE waiting_seconds IS NOT NULL
GROUP BY town_code, service_day - INTERVAL (DAYOFMONTH(service_day) - 1) DAY, waiting_seconds;

-- The day in Asia/Shanghai (UTC+8, no daylight saving since 1991) of the stored instant, whatever the session's zone.
INSERT INTO figure_rating_day (town_code, rated_on, total, good, negative, named_negative, rectified, voided, visited)
SELECT r.town_code, DATE(TIMESTAMP('1970-01-01') + INTERVAL (UNIX_TIMESTAMP(r.rated_at) + 28800) SECOND), COUNT(*),
       COALESCE(SUM(r.score >= 3), 0), COALESCE(SUM(r.negative), 0), COALESCE(SUM(r.negative AND r.named), 0),
       COALESCE(SUM(r.negative AND r.named AND c.status = 'CLOSED'), 0),
       COALESCE(SUM(r.negative AND r.named AND c.status = 'VOIDED'), 0),
       COALESCE(SUM(r.negative AND r.named AND c.return_visit_at IS NOT NULL), 0)
FROM rating r LEFT JOIN rectification c ON c.rating_id = r.id
GROUP BY r.town_code, DATE(TIMESTAMP('1970-01-01') + INTERVAL (UNIX_TIMESTAMP(r.rated_at) + 28800) SECOND);
