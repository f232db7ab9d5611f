BEGIN;
--
-- Alter field qty on order
--
SET lock_timeout = '2s';
ALTER TABLE "orders" ALTER COLUMN "qty" TYPE bigint USING "qty"::bigint;
COMMIT;
