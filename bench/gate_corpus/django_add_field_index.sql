BEGIN;
--
-- Add field venue to order
--
ALTER TABLE "orders" ADD COLUMN "venue" varchar(16) NULL;
CREATE INDEX "orders_venue_3f2a1c_idx" ON "orders" ("venue");
COMMIT;
