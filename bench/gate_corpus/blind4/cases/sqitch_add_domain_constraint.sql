-- Deploy exchange:asset_len to pg

BEGIN;

ALTER DOMAIN asset_code ADD CONSTRAINT asset_code_len CHECK (length(VALUE) <= 8);

COMMIT;
