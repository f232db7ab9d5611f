BEGIN;
-- mix ecto.migrate --log-migrations-sql
SET lock_timeout TO '2s';
ALTER TABLE "insurance_funds" ADD COLUMN "chain" varchar(255);
COMMIT;
