-- Designated providers (定点加油站, 定点维修厂, 定点保险公司) with contract periods; the refuels, repairs and
-- insurance policies recorded at them; alerts on a vehicle's use.
CREATE TABLE provider (
    id                 CHAR(36)     NOT NULL PRIMARY KEY,
    town_code          VARCHAR(12)  NOT NULL,
    kind               VARCHAR(20)  NOT NULL,
    name               VARCHAR(100) NOT NULL,
    contract_number    VARCHAR(50)  NULL,
    contract_from      DATE         NOT NULL,
    contract_to        DATE         NOT NULL,
    status             VARCHAR(20)  NOT NULL,
    terminated_on      DATE         NULL,
    termination_reason VARCHAR(500) NULL,
    registered_at      TIMESTAMP(6) NOT NULL,
    registered_by      VARCHAR(100) NOT NULL,
    version            BIGINT       NOT NULL,
    KEY ix_provider_town_kind (town_code, kind, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE refuel (
    id            CHAR(36)      NOT NULL PRIMARY KEY,
    town_code     VARCHAR(12)   NOT NULL,
    vehicle_id    CHAR(36)      NOT NULL,
    provider_id   CHAR(36)      NOT NULL,
    fuel_card_id  CHAR(36)      NOT NULL,
    refuelled_at  TIMESTAMP(6)  NOT NULL,
    litres        DECIMAL(7,2)  NOT NULL,
    amount_yuan   DECIMAL(10,2) NOT NULL,
    odometer_km   BIGINT        NOT NULL,
    recorded_at   TIMESTAMP(6)  NOT NULL,
    recorded_by   VARCHAR(100)  NOT NULL,
    KEY ix_refuel_vehicle_time (vehicle_id, refuelled_at),
    KEY ix_refuel_town_time (town_code, refuelled_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE repair (
    id            CHAR(36)      NOT NULL PRIMARY KEY,
    town_code     VARCHAR(12)   NOT NULL,
    vehicle_id    CHAR(36)      NOT NULL,
    provider_id   CHAR(36)      NOT NULL,
    repaired_on   DATE          NOT NULL,
    description   VARCHAR(1000) NOT NULL,
    amount_yuan   DECIMAL(10,2) NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    decided_by    VARCHAR(100)  NULL,
    decided_at    TIMESTAMP(6)  NULL,
    decision_note VARCHAR(500)  NULL,
    recorded_at   TIMESTAMP(6)  NOT NULL,
    recorded_by   VARCHAR(100)  NOT NULL,
    version       BIGINT        NOT NULL,
    KEY ix_repair_vehicle_day (vehicle_id, repaired_on),
    KEY ix_repair_town_day (town_code, repaired_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE insurance_policy (
    id            CHAR(36)      NOT NULL PRIMARY KEY,
    town_code     VARCHAR(12)   NOT NULL,
    vehicle_id    CHAR(36)      NOT NULL,
    provider_id   CHAR(36)      NOT NULL,
    policy_number VARCHAR(50)   NOT NULL,
    kind          VARCHAR(20)   NOT NULL,
    starts_on     DATE          NOT NULL,
    ends_on       DATE          NOT NULL,
    premium_yuan  DECIMAL(10,2) NOT NULL,
    recorded_at   TIMESTAMP(6)  NOT NULL,
    recorded_by   VARCHAR(100)  NOT NULL,
    UNIQUE KEY uk_insurance_policy_number (town_code, policy_number),
    KEY ix_insurance_vehicle_kind (vehicle_id, kind, ends_on),
    KEY ix_insurance_town_start (town_code, starts_on),
    KEY ix_insurance_ends (ends_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- dedupe_key: one alert per fact (a trip's holiday use, a licence's expiry date), whichever instance sees it first.
CREATE TABLE fleet_alert (
    id                   CHAR(36)     NOT NULL PRIMARY KEY,
    town_code            VARCHAR(12)  NOT NULL,
    kind                 VARCHAR(40)  NOT NULL,
    vehicle_id           CHAR(36)     NULL,
    trip_id              CHAR(36)     NULL,
    driver_id            CHAR(36)     NULL,
    detail               VARCHAR(500) NOT NULL,
    raised_at            TIMESTAMP(6) NOT NULL,
    dedupe_key           VARCHAR(200) NULL,
    acknowledged_by      VARCHAR(100) NULL,
    acknowledged_at      TIMESTAMP(6) NULL,
    acknowledgement_note VARCHAR(500) NULL,
    UNIQUE KEY uk_fleet_alert_dedupe (dedupe_key),
    KEY ix_fleet_alert_town_raised (town_code, raised_at),
    KEY ix_fleet_alert_vehicle (vehicle_id, raised_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
