BEGIN;
--
-- Add field risk_note to marginaccount
--
ALTER TABLE "margin_accounts" ADD COLUMN "risk_note" text NULL;
COMMIT;
