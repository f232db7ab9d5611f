BEGIN;
-- mix ecto.migrate --log-migrations-sql
ALTER TABLE "insurance_funds" ADD COLUMN "chain" varchar(255);
COMMIT;
