BEGIN;
--
-- Add field margin_account to apikey
--
ALTER TABLE "api_keys" ADD COLUMN "margin_account_id" bigint NULL CONSTRAINT "api_keys_margin_account_id_0b7d6c2a_fk_margin_accounts_id" REFERENCES "margin_accounts"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "api_keys_margin_account_id_0b7d6c2a_fk_margin_accounts_id" IMMEDIATE;
CREATE INDEX "api_keys_margin_account_id_0b7d6c2a" ON "api_keys" ("margin_account_id");
COMMIT;
