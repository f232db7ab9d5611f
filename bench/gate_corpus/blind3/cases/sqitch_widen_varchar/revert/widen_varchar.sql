-- Revert perp:widen_varchar from pg

BEGIN;

ALTER TABLE positions ALTER COLUMN client_tag TYPE varchar(32);

COMMIT;
