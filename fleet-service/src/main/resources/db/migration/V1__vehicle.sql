-- The vehicle register (公务用车). One row per vehicle of a town; its transitions are the audit trail.
CREATE TABLE vehicle (
    id                  CHAR(36)     NOT NULL PRIMARY KEY,
    town_code           VARCHAR(12)  NOT NULL,
    plate               VARCHAR(16)  NOT NULL,
    vehicle_class       VARCHAR(30)  NOT NULL,
    category            VARCHAR(20)  NOT NULL,
    marked              BOOLEAN      NOT NULL,
    tank_litres         DECIMAL(4,1) NOT NULL,
    fuel_per_100km_norm DECIMAL(5,2) NOT NULL,
    odometer_km         BIGINT       NOT NULL,
    status              VARCHAR(20)  NOT NULL,
    registered_at       TIMESTAMP(6) NOT NULL,
    registered_by       VARCHAR(100) NOT NULL,
    version             BIGINT       NOT NULL,
    -- A plate is in use by one vehicle until that vehicle is disposed of; then it may be issued again (号牌留用).
    plate_in_use        VARCHAR(16)  AS (CASE WHEN status <> 'DISPOSED' THEN plate END) STORED,
    UNIQUE KEY uk_vehicle_plate_in_use (plate_in_use),
    KEY ix_vehicle_plate (plate),
    KEY ix_vehicle_town_status_plate (town_code, status, plate)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE vehicle_transition (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    vehicle_id  CHAR(36)     NOT NULL,
    from_status VARCHAR(20)  NULL,
    to_status   VARCHAR(20)  NOT NULL,
    actor       VARCHAR(100) NOT NULL,
    note        VARCHAR(500) NULL,
    at          TIMESTAMP(6) NOT NULL,
    KEY ix_vehicle_transition_vehicle (vehicle_id, id),
    CONSTRAINT fk_transition_vehicle FOREIGN KEY (vehicle_id) REFERENCES vehicle (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
