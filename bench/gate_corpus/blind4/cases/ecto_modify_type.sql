BEGIN;
-- mix ecto.migrate --log-migrations-sql
SET lock_timeout = '2s';
ALTER TABLE "referral_codes" ALTER COLUMN "commission_bps" TYPE integer;
COMMIT;
