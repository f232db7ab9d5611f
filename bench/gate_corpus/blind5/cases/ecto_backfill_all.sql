BEGIN;
-- mix ecto.migrate --log-migrations-sql
UPDATE "treasury_wallets" SET "last_reconciled_at" = now();
COMMIT;
