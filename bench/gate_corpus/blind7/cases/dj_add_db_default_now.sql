BEGIN;
--
-- Add field migrated_at to margin account
--
SET lock_timeout = '2s';
ALTER TABLE "margin_accounts" ADD COLUMN "migrated_at" timestamp with time zone DEFAULT (STATEMENT_TIMESTAMP()) NOT NULL;
COMMIT;
