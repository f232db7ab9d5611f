BEGIN;
-- mix ecto.migrate --log-migrations-sql
SET lock_timeout = '2s';
ALTER TABLE "referral_codes" ADD COLUMN "campaign" varchar(255);
COMMIT;
