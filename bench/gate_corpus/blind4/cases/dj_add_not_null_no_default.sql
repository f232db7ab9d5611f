BEGIN;
--
-- Add field tier_locked to account
--
SET lock_timeout = '2s';
ALTER TABLE "accounts" ADD COLUMN "tier_locked" boolean NOT NULL;
COMMIT;
