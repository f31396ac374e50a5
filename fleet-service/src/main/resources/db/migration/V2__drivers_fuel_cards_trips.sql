-- Drivers, fuel cards and trips (出车). Bookings live on the trip row: a DISPATCHED or DEPARTED trip holds its
-- vehicle and its driver for [planned_start, planned_end). Overlaps are refused under row locks on vehicle and
-- driver (see TripService.dispatch); the two window indexes serve that check.
ALTER TABLE vehicle ADD COLUMN seats INT NULL AFTER marked;

CREATE TABLE driver (
    id                 CHAR(36)     NOT NULL PRIMARY KEY,
    town_code          VARCHAR(12)  NOT NULL,
    name               VARCHAR(50)  NOT NULL,
    phone              VARCHAR(20)  NULL,
    licence_number     VARCHAR(30)  NOT NULL,
    licence_class      VARCHAR(4)   NOT NULL,
    licence_expires_on DATE         NOT NULL,
    status             VARCHAR(20)  NOT NULL,
    status_note        VARCHAR(500) NULL,
    registered_at      TIMESTAMP(6) NOT NULL,
    registered_by      VARCHAR(100) NOT NULL,
    version            BIGINT       NOT NULL,
    UNIQUE KEY uk_driver_licence (town_code, licence_number),
    KEY ix_driver_town_status_name (town_code, status, name),
    KEY ix_driver_licence_expiry (status, licence_expires_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE fuel_card (
    id            CHAR(36)     NOT NULL PRIMARY KEY,
    town_code     VARCHAR(12)  NOT NULL,
    card_number   VARCHAR(30)  NOT NULL,
    issuer        VARCHAR(50)  NOT NULL,
    vehicle_id    CHAR(36)     NULL,
    status        VARCHAR(20)  NOT NULL,
    status_note   VARCHAR(500) NULL,
    registered_at TIMESTAMP(6) NOT NULL,
    registered_by VARCHAR(100) NOT NULL,
    version       BIGINT       NOT NULL,
    UNIQUE KEY uk_fuel_card_number (card_number),
    KEY ix_fuel_card_town_status (town_code, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE trip (
    id                    CHAR(36)      NOT NULL PRIMARY KEY,
    town_code             VARCHAR(12)   NOT NULL,
    requester             VARCHAR(100)  NOT NULL,
    requester_name        VARCHAR(100)  NOT NULL,
    department            VARCHAR(100)  NULL,
    purpose               VARCHAR(500)  NOT NULL,
    destination           VARCHAR(200)  NOT NULL,
    passengers            VARCHAR(1000) NULL,
    passenger_count       INT           NOT NULL,
    planned_start         TIMESTAMP(6)  NOT NULL,
    planned_end           TIMESTAMP(6)  NOT NULL,
    holiday_use           BOOLEAN       NOT NULL,
    status                VARCHAR(20)   NOT NULL,
    requested_at          TIMESTAMP(6)  NOT NULL,
    approved_by           VARCHAR(100)  NULL,
    approved_at           TIMESTAMP(6)  NULL,
    rejection_reason      VARCHAR(500)  NULL,
    vehicle_id            CHAR(36)      NULL,
    plate                 VARCHAR(16)   NULL,
    driver_id             CHAR(36)      NULL,
    driver_name           VARCHAR(50)   NULL,
    dispatched_at         TIMESTAMP(6)  NULL,
    departed_at           TIMESTAMP(6)  NULL,
    departure_odometer_km BIGINT        NULL,
    returned_at           TIMESTAMP(6)  NULL,
    return_odometer_km    BIGINT        NULL,
    route                 VARCHAR(1000) NULL,
    fuel_litres           DECIMAL(7,2)  NULL,
    fuel_estimated        BOOLEAN       NULL,
    tolls_yuan            DECIMAL(10,2) NULL,
    parking_yuan          DECIMAL(10,2) NULL,
    fuel_cost_yuan        DECIMAL(10,2) NULL,
    other_cost_yuan       DECIMAL(10,2) NULL,
    cost_yuan             DECIMAL(10,2) NULL,
    completed_at          TIMESTAMP(6)  NULL,
    cancel_reason         VARCHAR(500)  NULL,
    source_id             VARCHAR(100)  NULL,
    version               BIGINT        NOT NULL,
    KEY ix_trip_vehicle_booking (vehicle_id, status, planned_start),
    KEY ix_trip_driver_booking (driver_id, status, planned_start),
    KEY ix_trip_town_start (town_code, planned_start),
    KEY ix_trip_town_returned (town_code, returned_at),
    UNIQUE KEY uk_trip_source (town_code, source_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE trip_transition (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    trip_id     CHAR(36)      NOT NULL,
    from_status VARCHAR(20)   NULL,
    to_status   VARCHAR(20)   NOT NULL,
    actor       VARCHAR(100)  NOT NULL,
    note        VARCHAR(1000) NULL,
    at          TIMESTAMP(6)  NOT NULL,
    KEY ix_trip_transition_trip (trip_id, id),
    CONSTRAINT fk_transition_trip FOREIGN KEY (trip_id) REFERENCES trip (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
