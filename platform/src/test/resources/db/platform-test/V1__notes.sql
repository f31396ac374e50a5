CREATE TABLE note (
    id        CHAR(36)     NOT NULL PRIMARY KEY,
    town_code VARCHAR(12)  NOT NULL,
    text      VARCHAR(200) NOT NULL,
    archived  BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE TABLE received_note (
    note_id  CHAR(36) NOT NULL PRIMARY KEY,
    times    INT      NOT NULL
);
