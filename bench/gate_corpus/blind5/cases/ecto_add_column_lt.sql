BEGIN;
-- mix ecto.migrate --log-migrations-sql
SET LOCAL lock_timeout = '5s';
ALTER TABLE "loans" ADD COLUMN "liquidation_penalty_bps" integer;
COMMIT;
