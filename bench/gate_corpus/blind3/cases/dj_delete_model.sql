BEGIN;
--
-- Delete model MarginCall
--
--
-- Raw SQL operation
--
SET lock_timeout = '3s';
--
-- Delete model MarginCall
--
DROP TABLE "margin_calls" CASCADE;
COMMIT;
