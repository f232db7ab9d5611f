BEGIN;
--
-- Add field funding_batch to liquidation
--
SET lock_timeout = '2s';
ALTER TABLE "liquidations" ADD COLUMN "funding_batch" bigint NULL;
CREATE INDEX "liquidations_funding_batch_idx" ON "liquidations" ("funding_batch");
COMMIT;
