-- Deploy exchange:asset_len to pg

BEGIN;

SET lock_timeout = '2s';
ALTER DOMAIN asset_code ADD CONSTRAINT asset_code_len CHECK (length(VALUE) <= 8) NOT VALID;

COMMIT;
