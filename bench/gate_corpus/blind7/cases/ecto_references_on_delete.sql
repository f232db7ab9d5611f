BEGIN;
-- mix ecto.migrate --log-migrations-sql
SET lock_timeout TO '2s';
ALTER TABLE "funding_rates" ADD COLUMN "set_by_account_id" bigint CONSTRAINT "funding_rates_set_by_account_id_fkey" REFERENCES "accounts"("id") ON DELETE SET NULL;
COMMIT;
