BEGIN;
--
-- Delete model Line
--
SET lock_timeout = '2s';
DROP TABLE "shop_line" CASCADE;
COMMIT;
