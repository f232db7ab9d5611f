-- Deploy exchange:actor_int to pg

BEGIN;

SET lock_timeout = '2s';
ALTER TABLE audit_log ALTER COLUMN actor TYPE integer USING actor::integer;

COMMIT;
