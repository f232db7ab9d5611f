-- Deploy perp:client_tag_64 to pg

BEGIN;

SET LOCAL lock_timeout = '2s';
ALTER TABLE positions ALTER COLUMN client_tag TYPE varchar(64);

COMMIT;
