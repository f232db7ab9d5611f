BEGIN;
--
-- Alter field client_ref on order
--
SET lock_timeout = '2s';
ALTER TABLE "orders" ALTER COLUMN "client_ref" TYPE text;
COMMIT;
