BEGIN;
-- mix ecto.migrate --log-migrations-sql
ALTER TABLE "loans" ADD COLUMN "liquidation_penalty_bps" integer;
COMMIT;
