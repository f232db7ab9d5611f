SET lock_timeout = '2s';
-- Modify "risk_limits" table
ALTER TABLE "risk_limits" ADD COLUMN "note" text NULL;
