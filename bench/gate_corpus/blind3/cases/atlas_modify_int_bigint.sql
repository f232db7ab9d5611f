SET lock_timeout = '2s';
-- Modify "funding_rates" table
ALTER TABLE "funding_rates" ALTER COLUMN "market_id" TYPE bigint;
