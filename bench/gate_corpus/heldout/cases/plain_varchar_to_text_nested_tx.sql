BEGIN;
SET lock_timeout = '2s';
ALTER TABLE shop_customer ALTER COLUMN email TYPE text;
COMMIT;
