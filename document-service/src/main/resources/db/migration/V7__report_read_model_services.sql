-- The annual summary's read model, continued: the facts of the other services' events, counted per town and month
-- (per suggestion for the congress, whose figures attribute each suggestion to one day). Fed only by events, once per
-- event id (inbox_event); never edited by hand. Reports read these small tables, never the services' own.

-- hotline.WorkOrderCreated by type (hotline_month keeps the total)
CREATE TABLE hotline_month_type (
    town_code   VARCHAR(12) NOT NULL,
    year        SMALLINT    NOT NULL,
    month       TINYINT     NOT NULL,
    order_type  VARCHAR(20) NOT NULL,
    work_orders INT         NOT NULL,
    PRIMARY KEY (town_code, year, month, order_type)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- service-hall.ApplicationAccepted / ApplicationCompleted, both counted in the month the application was accepted
-- (acceptedOn), as the hall's own figures count them: 办结量 = of those accepted then, completed since.
CREATE TABLE hall_month (
    town_code    VARCHAR(12)  NOT NULL,
    year         SMALLINT     NOT NULL,
    month        TINYINT      NOT NULL,
    department   VARCHAR(100) NOT NULL,
    accepted     INT          NOT NULL DEFAULT 0,
    completed    INT          NOT NULL DEFAULT 0,
    on_time      INT          NOT NULL DEFAULT 0,
    working_days BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (town_code, year, month, department)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- fleet.TripCompleted, counted in the month the trip departed (Asia/Shanghai), as the fleet's figures count them.
CREATE TABLE fleet_month (
    town_code     VARCHAR(12)   NOT NULL,
    year          SMALLINT      NOT NULL,
    month         TINYINT       NOT NULL,
    vehicle_class VARCHAR(40)   NOT NULL,
    trips         INT           NOT NULL DEFAULT 0,
    km            BIGINT        NOT NULL DEFAULT 0,
    cost_yuan     DECIMAL(16,2) NOT NULL DEFAULT 0,
    PRIMARY KEY (town_code, year, month, vehicle_class)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- congress.SuggestionAssigned / SuggestionReplied / SuggestionClosed: one row per suggestion, motion or proposal.
-- first_seen_on: the day of its first assignment (交办), or of its first reply when no assignment was announced
-- (proposals, imported suggestions). kind is NULL until a reply names it (assignments are only announced for
-- suggestions and motions).
CREATE TABLE congress_suggestion (
    suggestion_id       CHAR(36)    NOT NULL PRIMARY KEY,
    town_code           VARCHAR(12) NOT NULL,
    kind                VARCHAR(12) NULL,
    first_seen_on       DATE        NOT NULL,
    first_replied_on    DATE        NULL,
    first_reply_on_time BOOLEAN     NULL,
    closed_on           DATE        NULL,
    KEY ix_congress_suggestion_town_seen (town_code, first_seen_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
