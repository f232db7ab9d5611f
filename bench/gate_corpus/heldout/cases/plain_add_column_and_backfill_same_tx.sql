BEGIN;
SET lock_timeout = '2s';
ALTER TABLE shop_customer ADD COLUMN tier text;
UPDATE shop_customer SET tier = 'basic';
COMMIT;
