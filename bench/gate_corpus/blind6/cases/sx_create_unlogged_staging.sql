-- Add migration script here
CREATE UNLOGGED TABLE payout_import_staging (line integer, raw jsonb);
