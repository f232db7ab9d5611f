-- Up Migration
SET lock_timeout = '2s';
ALTER TABLE "funding_rates" RENAME COLUMN "mark_price" TO "index_price";

-- Down Migration
ALTER TABLE "funding_rates" RENAME COLUMN "index_price" TO "mark_price";
