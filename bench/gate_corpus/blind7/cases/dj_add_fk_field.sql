BEGIN;
--
-- Add field closing_order to liquidation
--
SET lock_timeout = '2s';
ALTER TABLE "liquidations" ADD COLUMN "market_id" smallint NULL CONSTRAINT "liquidations_market_id_fk_markets_id" REFERENCES "markets"("id") DEFERRABLE INITIALLY DEFERRED;
SET CONSTRAINTS "liquidations_market_id_fk_markets_id" IMMEDIATE;
CREATE INDEX "liquidations_market_id_idx" ON "liquidations" ("market_id");
COMMIT;
