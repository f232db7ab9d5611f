BEGIN;
--
-- Alter unique_together for fill
--
ALTER TABLE "fills" ADD CONSTRAINT "fills_order_trade_uniq" UNIQUE ("order_id", "trade_id");
COMMIT;
