BEGIN;
--
-- Add field risk_reviewed_at to marginaccount
--
--
-- Raw SQL operation
--
SET lock_timeout = '3s';
--
-- Add field risk_reviewed_at to marginaccount
--
ALTER TABLE "margin_accounts" ADD COLUMN "risk_reviewed_at" timestamp with time zone DEFAULT (STATEMENT_TIMESTAMP()) NOT NULL;
COMMIT;
