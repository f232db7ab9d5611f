BEGIN;
--
-- Create constraint one_open_per_market on model position
--
CREATE UNIQUE INDEX "one_open_per_market" ON "positions" ("margin_account_id", "market_id") WHERE "status" = 'open';
COMMIT;
