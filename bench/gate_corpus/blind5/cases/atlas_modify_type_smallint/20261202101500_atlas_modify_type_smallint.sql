SET lock_timeout = '2s';
-- Modify "customers" table
ALTER TABLE "customers" ALTER COLUMN "risk_score" TYPE smallint;
