BEGIN;
-- mix ecto.migrate --log-migrations-sql
CREATE INDEX "referral_codes_account_id_index" ON "referral_codes" ("account_id");
COMMIT;
