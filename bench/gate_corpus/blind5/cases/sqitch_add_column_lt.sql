-- Deploy exchange:loans_broker to pg

BEGIN;

SET lock_timeout = '2s';
ALTER TABLE loans ADD COLUMN broker_ref text;

COMMIT;
