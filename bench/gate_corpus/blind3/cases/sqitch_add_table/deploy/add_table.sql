-- Deploy perp:oracle_heartbeats to pg

BEGIN;

CREATE TABLE oracle_heartbeats (
    source text PRIMARY KEY,
    seen_at timestamptz NOT NULL
);

COMMIT;
