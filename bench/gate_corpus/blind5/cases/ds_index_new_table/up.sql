-- Your SQL goes here
CREATE TABLE slashing_events (
    id BIGSERIAL PRIMARY KEY,
    validator_id INTEGER NOT NULL,
    epoch INTEGER NOT NULL,
    penalty NUMERIC(38, 18) NOT NULL
);
CREATE INDEX slashing_events_validator_idx ON slashing_events (validator_id);
