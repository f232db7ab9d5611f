BEGIN;
-- mix ecto.migrate --log-migrations-sql
SET lock_timeout TO '2s';
CREATE TABLE "margin_transfers" ("id" bigserial, "margin_account_id" bigint CONSTRAINT "margin_transfers_margin_account_id_fkey" REFERENCES "margin_accounts"("id") ON DELETE CASCADE, "amount" numeric, "inserted_at" timestamp(0) NOT NULL, PRIMARY KEY ("id"));
COMMIT;
