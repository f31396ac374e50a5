-- The annual summary's read model: figures other services announce, counted per town and month.
-- Fed by their events (idempotently, through inbox_event); never edited by hand.
CREATE TABLE hotline_month (
    town_code   VARCHAR(12) NOT NULL,
    year        SMALLINT    NOT NULL,
    month       TINYINT     NOT NULL,
    work_orders INT         NOT NULL,
    PRIMARY KEY (town_code, year, month)
) ENGINE = InnoDB;
