BEGIN;
--
-- Rename field liquidator on liquidation to liquidated_by
--
SET lock_timeout = '2s';
ALTER TABLE "liquidations" RENAME COLUMN "liquidator" TO "liquidated_by";
COMMIT;
