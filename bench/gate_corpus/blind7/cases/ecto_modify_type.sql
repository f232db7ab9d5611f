BEGIN;
-- mix ecto.migrate --log-migrations-sql
SET lock_timeout TO '2s';
ALTER TABLE "insurance_fund_movements" ALTER COLUMN "reason" TYPE varchar(255);
COMMIT;
