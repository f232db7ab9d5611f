BEGIN;
--
-- Add field phone to customer
--
ALTER TABLE "shop_customer" ADD COLUMN "phone" varchar(20) NULL;
COMMIT;
