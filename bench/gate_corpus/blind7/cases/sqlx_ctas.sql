-- Add migration script here
CREATE TABLE funding_snapshot_2026_11 AS SELECT * FROM funding_payments WHERE funding_time < '2026-12-01';
