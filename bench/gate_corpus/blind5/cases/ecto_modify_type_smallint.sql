BEGIN;
-- mix ecto.migrate --log-migrations-sql
SET LOCAL lock_timeout = '5s';
ALTER TABLE "staking_validators" ALTER COLUMN "commission_bps" TYPE smallint;
COMMIT;
