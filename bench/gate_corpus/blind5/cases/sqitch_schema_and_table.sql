-- Deploy exchange:risk_limits to pg

BEGIN;

CREATE SCHEMA risk;
CREATE TABLE risk.exposure_limits (
    customer_id bigint PRIMARY KEY,
    max_outstanding_usd numeric(18, 2) NOT NULL
);

COMMIT;
