-- Up Migration
SET lock_timeout = '2s';
ALTER TABLE "funding_rates" ADD CONSTRAINT "funding_rates_market_fk2" FOREIGN KEY ("market_id") REFERENCES "markets" ("id") NOT VALID;

-- Down Migration
ALTER TABLE "funding_rates" DROP CONSTRAINT "funding_rates_market_fk2";
